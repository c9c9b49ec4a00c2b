// freeze, seal, preventExtensions and the is* tests; prototypes and __proto__.
const f = Object.freeze({ a: 1, nested: { b: 2 } });
f.a = 99; f.c = 3; delete f.a;
f.nested.b = 20;
console.log(f.a, f.c, f.nested.b, Object.isFrozen(f), Object.isSealed(f), Object.isExtensible(f));
(function () {
  'use strict';
  try { f.a = 2 } catch (e) { console.log(e.name) }
  try { f.c = 2 } catch (e) { console.log(e.name) }
  try { delete f.a } catch (e) { console.log(e.name) }
})();
const s = Object.seal({ a: 1 });
s.a = 2; s.b = 3; delete s.a;
console.log(s.a, s.b, Object.isSealed(s), Object.isFrozen(s));
const p = Object.preventExtensions({ a: 1 });
p.b = 2; delete p.a;
console.log(p.a, p.b, Object.isExtensible(p), Object.isSealed(p), Object.isFrozen(p));
console.log(Object.isFrozen(Object.preventExtensions({})), Object.isSealed(Object.preventExtensions({})));

// Primitives pass through.
console.log(Object.freeze(1), Object.isFrozen('x'), Object.isExtensible(1), Object.seal('s'));

// Arrays.
const a = Object.freeze([1, 2, 3]);
console.log(Object.isFrozen(a), a.length);
for (const op of [() => a.push(4), () => a.pop(), () => a.shift(), () => a.sort(), () => a.reverse(), () => a.fill(0)]) {
  try { op(); console.log('no error') } catch (e) { console.log(e.name + ': ' + e.message) }
}
console.log(JSON.stringify(a));
const sealed = Object.seal([1, 2]);
sealed[0] = 10;
console.log(JSON.stringify(sealed), Object.isSealed(sealed), Object.isFrozen(sealed));
try { sealed.push(3) } catch (e) { console.log(e.name + ': ' + e.message) }

// Accessors stay callable on a frozen object.
let hits = 0;
const acc = Object.freeze({ get g() { return ++hits } });
console.log(acc.g, acc.g, Object.isFrozen(acc));

// Prototypes.
const base = { kind: 'base' };
const obj = Object.setPrototypeOf({ own: 1 }, base);
console.log(obj.kind, Object.getPrototypeOf(obj) === base, base.isPrototypeOf(obj));
console.log(Object.getPrototypeOf(1) === Number.prototype, Object.getPrototypeOf('s') === String.prototype);
console.log(Object.setPrototypeOf(1, null), Object.getPrototypeOf(Object.setPrototypeOf({}, null)));
for (const bad of [() => Object.setPrototypeOf({}, 1), () => Object.setPrototypeOf(null, {}),
                   () => Object.setPrototypeOf(base, obj), () => Object.setPrototypeOf(Object.preventExtensions({}), {}),
                   () => Object.setPrototypeOf(Object.prototype, {}), () => Object.getPrototypeOf(undefined)]) {
  try { bad(); console.log('no error') } catch (e) { console.log(e.name + ': ' + e.message) }
}
console.log(Object.setPrototypeOf(Object.preventExtensions({}), Object.prototype) !== null);

// __proto__ accessor.
const q = {};
console.log(q.__proto__ === Object.prototype);
q.__proto__ = base;
console.log(q.kind, Object.getPrototypeOf(q) === base);
q.__proto__ = 5; // ignored
console.log(Object.getPrototypeOf(q) === base);
try { base.__proto__ = q } catch (e) { console.log(e.name + ': ' + e.message) }
const d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name);
console.log(Object.create(null).__proto__);
