// A sloppy function with plain parameters: arguments[i] and the i-th parameter are one
// variable until the index is deleted, frozen or redefined (ECMA-262 10.4.4).
function two(a, b) { arguments[0] = 9; console.log(a); a = 5; console.log(arguments[0]); b = 3; console.log(arguments[1], arguments.length); }
two(1);
function redefined(a) { Object.defineProperty(arguments, '0', {value: 2}); console.log(a); Object.defineProperty(arguments, '0', {writable:false}); a = 7; console.log(arguments[0]); }
redefined(1);
function deleted(a) { delete arguments[0]; arguments[0] = 4; console.log(a); }
deleted(1);
function withRest(a, ...r) { arguments[0] = 9; console.log(a); }
withRest(1);
function strict(a) { 'use strict'; arguments[0] = 9; console.log(a); }
strict(1);
function withDefault(a = 0) { arguments[0] = 9; console.log(a); }
withDefault(1);

function f(a, b, c) { return arguments; }
const A = f(1, 2);
console.log(A, Object.keys(A), JSON.stringify(A), [...A], Array.from(A), A.length);
console.log(Object.getOwnPropertyDescriptor(A, '0'), Object.getOwnPropertyNames(A));
function g(a, b) { const get = () => a; arguments[1] = 'B'; return [arguments, get, () => b]; }
const [args, get, getb] = g(1, 2);
args[0] = 'changed'; console.log(get(), getb(), args);
function d(a, a) { arguments[0] = 'x'; arguments[1] = 'y'; return a; }
console.log(d(1, 2));
function fr(a) { Object.freeze(arguments); a = 5; return [arguments[0], Object.isFrozen(arguments)]; }
console.log(fr(1));
function* gen(a) { yield arguments[0]; a = 'later'; yield arguments[0]; arguments[0] = 'back'; yield a; }
console.log([...gen('first')]);
function ev(a) { eval('arguments[0] = 7'); return a; }
console.log(ev(1));
function ev2(a) { eval('a = 8'); return arguments[0]; }
console.log(ev2(1));
function acc(a) { Object.defineProperty(arguments, '0', { get() { return 'G'; }, configurable: true }); a = 3; return [arguments[0], a]; }
console.log(acc(1));
function en(a) { Object.defineProperty(arguments, '0', { enumerable: false }); a = 4; return [Object.keys(arguments), arguments[0]]; }
console.log(en(1, 2));
function del(a) { delete arguments[0]; a = 2; return [arguments[0], 0 in arguments, arguments.length]; }
console.log(del(1));
function fn(a) { function a() {} return typeof arguments[0]; }
console.log(fn(1));
function sp(a, b) { return Math.max.apply(null, arguments) + [].slice.call(arguments, 1).length; }
console.log(sp(3, 9));
function inc(a) { arguments[0]++; arguments[0] += 10; return a; }
console.log(inc(1));
function many(a) { arguments[3] = 'x'; return [arguments.length, arguments[3], Object.keys(arguments)]; }
console.log(many(1, 2, 3));
Object.prototype[0] = 'proto';
function none(a) { return [arguments[0], a]; }
console.log(none());
delete Object.prototype[0];
function sealed(a) { Object.seal(arguments); a = 9; return [arguments[0], Object.getOwnPropertyDescriptor(arguments, 0)]; }
console.log(sealed(1));
function nonconfig(a) { Object.defineProperty(arguments, '0', { configurable: false }); a = 2; const r = [arguments[0]]; delete arguments[0]; a = 3; r.push(arguments[0]); return r; }
console.log(nonconfig(1));

// A non-simple parameter list makes an unmapped object even in sloppy code: its
// callee is %ThrowTypeError%, the strict code's one, and parameters are not aliased.
const thrower = Object.getOwnPropertyDescriptor((function () { 'use strict'; return arguments; })(), 'callee').get;
for (const f of [function (a = 0) { return arguments; }, function (...r) { return arguments; }, function ({ x }) { return arguments; }]) {
  const d = Object.getOwnPropertyDescriptor(f({}), 'callee');
  console.log(d.get === thrower, d.set === thrower, d.enumerable, d.configurable);
}
console.log(Object.getOwnPropertyDescriptor((function (a) { return arguments; })(1), 'callee').value !== undefined);
