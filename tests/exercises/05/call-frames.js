// Graded exercise 8 of chapter 5: Function.prototype.call and apply and Reflect.apply
// call a function on the caller's behalf, and V8 shows no frame of theirs in a stack
// trace: the frame under the called function is the caller's. Other built-ins that call
// back (forEach, Reflect.construct, a bound function) keep their frames as before. node
// 20 wrote the expectation (UPDATE=node sh tests/run.sh tests/exercises/05/call-frames.js).
function where() {
  return new Error().stack.split("\n").slice(1, 3)
    .map((line) => line.trim().replace(__dirname, "<dir>")).join(" | ");
}
function Made() {
  this.at = where();
}
console.log("call:", where.call(null));
console.log("apply:", where.apply(null, []));
console.log("Reflect.apply:", Reflect.apply(where, null, []));
console.log("call.call:", Function.prototype.call.call(where, null));
console.log("apply of call:", Function.prototype.call.apply(where, [null]));
console.log("Reflect.construct:", Reflect.construct(Made, []).at);
console.log("bound:", where.bind(null)());
console.log("forEach:", (() => { let r; [1].forEach(() => { r = where(); }); return r; })());
try {
  (function thrower() { throw new Error("from inside"); }).call(null);
} catch (e) {
  console.log(e.stack.split("\n").slice(0, 3).map((l) => l.trim().replace(__dirname, "<dir>")).join(" | "));
}
