// defineProperty, defineProperties, getOwnPropertyDescriptor(s), create, names and symbols.
function desc(o, k) { return JSON.stringify(Object.getOwnPropertyDescriptor(o, k)) }
const o = {};
Object.defineProperty(o, 'x', { value: 1 });
console.log(desc(o, 'x'));
Object.defineProperty(o, 'y', { value: 2, writable: true, enumerable: true, configurable: true });
console.log(desc(o, 'y'), Object.keys(o).join());
o.x = 100;
console.log(o.x);
(function () { 'use strict'; try { o.x = 5 } catch (e) { console.log(e.name) } })();

// Accessors.
let store = 0;
Object.defineProperty(o, 'acc', { get() { return store }, set(v) { store = v * 2 }, enumerable: true });
o.acc = 21;
console.log(o.acc, typeof Object.getOwnPropertyDescriptor(o, 'acc').get,
            Object.getOwnPropertyDescriptor(o, 'acc').configurable);
console.log(Object.keys(Object.getOwnPropertyDescriptor(o, 'acc')).join());
console.log(Object.keys(Object.getOwnPropertyDescriptor(o, 'y')).join());
console.log(desc(o, 'missing'), desc({ a: 1 }, 'a'));
console.log(desc([1, 2], 'length'), desc([1, 2], 0), desc('abc', 1), desc('abc', 'length'));

// Redefining: what a non-configurable property allows.
const fixed = Object.defineProperty({}, 'k', { value: 1, writable: true });
Object.defineProperty(fixed, 'k', { value: 2 });
Object.defineProperty(fixed, 'k', { writable: false });
console.log(desc(fixed, 'k'));
for (const d of [{ value: 3 }, { writable: true }, { enumerable: true }, { configurable: true }, { get() {} }]) {
  try { Object.defineProperty(fixed, 'k', d); console.log('ok') } catch (e) { console.log(e.name + ': ' + e.message) }
}
Object.defineProperty(fixed, 'k', { value: 2 }); // the same value is fine
console.log('same value ok');
const conf = Object.defineProperty({}, 'c', { value: 1, configurable: true });
Object.defineProperty(conf, 'c', { get() { return 'now a getter' } });
console.log(conf.c, desc(conf, 'c'));

// Errors.
for (const args of [[1, 'a', {}], [{}, 'a', 1], [{}, 'a', { get: 1 }], [{}, 'a', { set: 'x' }],
                    [{}, 'a', { get() {}, value: 1 }], [{}, 'a', { set() {}, writable: true }],
                    [Object.preventExtensions({}), 'new', { value: 1 }]]) {
  try { Object.defineProperty(...args) } catch (e) { console.log(e.name + ': ' + e.message) }
}
try { Object.defineProperty([], 'length', { value: -1 }) } catch (e) { console.log(e.name + ': ' + e.message) }
const arr = [1, 2, 3];
Object.defineProperty(arr, 'length', { value: 1 });
console.log(arr.length, JSON.stringify(arr));
Object.defineProperty(arr, 'length', { writable: false });
try { arr.push(4) } catch (e) { console.log(e.name) }
console.log(arr.length);

// defineProperties and create.
const many = Object.defineProperties({}, { a: { value: 'A', enumerable: true }, b: { get() { return 'B' } } });
console.log(many.a, many.b, Object.keys(many).join());
const proto = { greet() { return 'hi from proto' } };
const child = Object.create(proto, { own: { value: 1, enumerable: true } });
console.log(child.greet(), Object.getPrototypeOf(child) === proto, Object.keys(child).join());
const bare = Object.create(null);
console.log(Object.getPrototypeOf(bare), 'toString' in bare);
try { Object.create(5) } catch (e) { console.log(e.name + ': ' + e.message) }
try { Object.create() } catch (e) { console.log(e.name + ': ' + e.message) }
try { Object.defineProperties({}, { a: 1 }) } catch (e) { console.log(e.name + ': ' + e.message) }

// Names, symbols and descriptors of everything.
const s1 = Symbol('one');
const mixed = { z: 1, [s1]: 2, 3: 'three' };
Object.defineProperty(mixed, 'hid', { value: 0 });
console.log(Object.getOwnPropertyNames(mixed).join(), Object.getOwnPropertySymbols(mixed).length,
            Object.getOwnPropertySymbols(mixed)[0] === s1);
console.log(Object.getOwnPropertyNames([5, 6]).join(), Object.getOwnPropertyNames('ab').join());
const all = Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2 } });
console.log(Object.keys(all).join(), all.a.value, typeof all.b.get);
console.log(Object.getOwnPropertyNames(Object.getOwnPropertyDescriptor({ a: 1 }, 'a')).join());
