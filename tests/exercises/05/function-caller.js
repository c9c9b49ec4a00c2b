// Graded exercise 7 of chapter 5: a sloppy `function`'s `caller` (kept by V8 for old web
// code) is the function whose frame lies under its innermost running frame: null when
// it is not running, or when that caller is strict code or a built-in (Array.prototype.map
// here). Every other function (strict, arrow, method, class, generator, async, native)
// still throws. node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/05/function-caller.js).
function f() {
  return f.caller;
}
function g() {
  return f();
}
console.log("g:", g() === g);
console.log("top level:", typeof f());
console.log("not running:", f.caller, g.caller);
function strict() {
  "use strict";
  return f();
}
console.log("strict caller:", strict());
console.log("map callback:", [1].map(function m() { return m.caller; })[0]);
console.log("arrow caller:", [1].map(() => f())[0]);
class C {
  m() { return f(); }
}
console.log("class method caller:", new C().m());
function* gen() { yield f(); }
console.log("generator caller:", gen().next().value);
function rec(n) { return n ? rec(n - 1) : rec.caller; }
console.log("recursion:", rec(2) === rec);
async function af() { return f(); }
af().then((v) => console.log("async caller:", v));
const kinds = [
  ["arrow", () => 1], ["class", class {}], ["method", { m() {} }.m],
  ["generator", function* () {}], ["async", async function () {}],
  ["strict", function () { "use strict"; }], ["native", Math.max],
];
for (const [name, fn] of kinds) {
  try {
    console.log(name, fn.caller);
  } catch (e) {
    console.log(name, "throws", e.constructor.name);
  }
}
