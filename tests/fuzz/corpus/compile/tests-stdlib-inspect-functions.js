// Functions: names, anonymous functions, arrows, bound functions, and own properties
// appended in braces. (Async and generator functions: pending/inspect-async-functions.js.)
function f() {}
const anon = function () {};
const arrow = () => {};
const bound = f.bind(null);
console.log(f, anon, arrow, bound);
console.log([function () {}, () => 1]);
console.log((function () {}).name === '', { method() {} }.method);
function withProps() {}
withProps.extra = 1;
withProps.nested = { a: 1 };
console.log(withProps);
console.log({ f, arrow });
console.log(Math.max, console.log);
const obj = { m() {}, ['computed' + 1]: function () {}, a: () => {} };
console.log(obj);
