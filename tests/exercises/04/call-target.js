// Graded exercise 11 of chapter 4: sloppy code may assign to a call, `f() = 1` (web
// code has it; V8 parses it), but no call result can be assigned to: the call runs,
// then a ReferenceError is thrown at the call, before the right side is evaluated or
// the old value read. The same for compound assignment, ++ and -- (with their own
// messages) and a for-in/of head (only when there is something to assign). node 20
// wrote the expectation (UPDATE=node sh tests/run.sh tests/exercises/04/call-target.js).
function f() {
  console.log("  f called");
  return {};
}
function g() {
  console.log("  g called");
  return 1;
}
function attempt(name, fn) {
  console.log(name);
  try {
    fn();
    console.log("  no error");
  } catch (e) {
    console.log(`  ${e.name}: ${e.message}`);
    console.log("  " + e.stack.split("\n")[1].trim().replace(__dirname, "<dir>"));
  }
}
attempt("f() = g()", () => { f() = g(); });
attempt("f() += g()", () => { f() += g(); });
attempt("Function(\"f() &&= 1\")", () => Function("f() &&= 1"));
attempt("f()++", () => { f()++; });
attempt("--f()", () => { --f(); });
attempt("x = f()--", () => { const x = f()--; });
attempt("for (f() of [1])", () => { for (f() of [1]) g(); });
attempt("for (f() in {a: 1})", () => { for (f() in { a: 1 }) g(); });
attempt("for (f() of [])", () => { for (f() of []) g(); });
attempt("false && (f() = 1)", () => { false && (f() = 1); });
