// Inline caches follow every change that must invalidate them: prototype swaps,
// shadowing own properties, redefined prototype methods, array indices and length.
const a = [1, 2, 3];
function len(x) { return x.length; }
function first(x) { const { 0: f } = x; return f; }
console.log(len(a), len([]), len('abc'), len({ length: 7 }), first(a), first([9]));
Object.defineProperty(Array.prototype, '0', { value: 'proto0', writable: false, configurable: true });
console.log(first([]), first([5]));
delete Array.prototype[0];
const o = { m() { return 'proto m'; } };
const x = Object.create(o), y = Object.create(o);
function call(v) { return v.m(); }
console.log(call(x), call(y));
o.m = function () { return 'changed'; };
console.log(call(x));
y.m = () => 'own';
console.log(call(x), call(y));
const z = Object.create({ m() { return 'other proto'; } });
console.log(call(z), call(x));
Object.setPrototypeOf(x, { m() { return 'reparented'; } });
console.log(call(x));
const s = new String('hey'); console.log(s.length, len(s));
for (let i = 0; i < 3; i++) console.log([i].map((q) => q * 2), [].concat([i]).length);
