// Object.prototype: hasOwnProperty, isPrototypeOf, propertyIsEnumerable, toString,
// toLocaleString, valueOf and the legacy accessor helpers.
const o = { own: 1 };
console.log(o.hasOwnProperty('own'), o.hasOwnProperty('toString'), o.hasOwnProperty('missing'));
console.log([1].hasOwnProperty(0), [1].hasOwnProperty('length'), 'abc'.hasOwnProperty(1));
console.log(Object.prototype.hasOwnProperty.call({ 5: 'x' }, 5));
try { Object.prototype.hasOwnProperty.call(null, 'a') } catch (e) { console.log(e.name + ': ' + e.message) }

console.log(Object.prototype.isPrototypeOf(o), Array.prototype.isPrototypeOf([]),
            Array.prototype.isPrototypeOf({}), Object.prototype.isPrototypeOf(1));

console.log(o.propertyIsEnumerable('own'), [1].propertyIsEnumerable('length'), [1].propertyIsEnumerable(0),
            o.propertyIsEnumerable('toString'));

const ts = Object.prototype.toString;
const values = [undefined, null, 1, 'a', true, Symbol('x'), {}, [], function () {}, () => 1,
                new Error('e'), new TypeError('t'), Object(1), Object('s'), Object(false), Math, JSON,
                (function () { return arguments })(), Object.create(null)];
console.log(values.map(v => ts.call(v)).join(' '));
const tagged = { [Symbol.toStringTag]: 'Custom' };
console.log(ts.call(tagged), String(tagged), `${{}}`, {} + '');
const tagObj = Object.defineProperty({}, Symbol.toStringTag, { get() { return 'Getter' } });
console.log(ts.call(tagObj), ts.call({ [Symbol.toStringTag]: 42 }));

console.log(o.valueOf() === o, typeof Object.prototype.valueOf.call(7));
try { Object.prototype.valueOf.call(undefined) } catch (e) { console.log(e.name + ': ' + e.message) }
console.log(o.toLocaleString(), [1, 2].toLocaleString(), (1234.5).toLocaleString());
console.log({ toString() { return 'custom' } }.toLocaleString());

// __defineGetter__ and friends.
const legacy = {};
legacy.__defineGetter__('g', function () { return 'getter' });
legacy.__defineSetter__('s', function (v) { this.stored = v });
legacy.s = 'set!';
console.log(legacy.g, legacy.stored, typeof legacy.__lookupGetter__('g'),
            typeof legacy.__lookupSetter__('s'), legacy.__lookupGetter__('stored'));
console.log(typeof {}.__lookupGetter__('__proto__'), Object.keys(legacy).join());
try { legacy.__defineGetter__('x', 1) } catch (e) { console.log(e.name + ': ' + e.message) }

// Property attributes of the built-ins themselves.
const names = ['hasOwnProperty', 'toString', 'valueOf'];
console.log(names.map(n => Object.prototype.propertyIsEnumerable.call(Object.prototype, n)).join());
console.log(Object.prototype.hasOwnProperty.length, Object.prototype.toString.name,
            JSON.stringify(Object.getOwnPropertyDescriptor(Object, 'prototype')));
console.log(Object.keys(Object.prototype).length, Object.prototype.constructor === Object);
for (const k in {}) console.log('never', k);
console.log('done');
