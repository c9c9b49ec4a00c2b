// Functions of every kind: declarations and expressions, arrows (one parameter, a list,
// a block body, an expression body returning an object), async and generator forms,
// defaults, rest, patterns in parameters, and the `length` they give (param_count).
function add(x, y) { return x + y; }
const sq = x => x * x;
const pair = (a, b = a, ...rest) => ({a, b, rest});
const noop = () => {};
async function load(url) { const r = await fetch(url); return r; }
const later = async () => { await 0; };
const one = async x => x;
function* count(n) { for (let i = 0; i < n; i++) yield i; yield* other(); }
const named = function inner() { return inner; };
function destructure({a, b: [c]}, [d, e] = [], {f = 1} = {}) {}
function strict() { "use strict"; return this; }
(function () { return arguments.length; })(1, 2);
