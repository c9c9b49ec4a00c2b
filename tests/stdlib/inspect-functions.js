// Functions: names, anonymous functions, arrows, async and generator functions, bound
// functions, and own properties appended in braces.
function f() {}
const anon = function () {};
const arrow = () => {};
async function af() {}
function* gf() {}
async function* agf() {}
const bound = f.bind(null);
console.log(f, anon, arrow, af, gf, agf, bound);
console.log([function () {}, () => 1]);
console.log((function () {}).name === '', { method() {} }.method);
function withProps() {}
withProps.extra = 1;
withProps.nested = { a: 1 };
console.log(withProps);
console.log({ f, arrow });
console.log(Math.max, console.log);
const obj = { m() {}, ['computed' + 1]: function () {}, a: async () => {} };
console.log(obj);
