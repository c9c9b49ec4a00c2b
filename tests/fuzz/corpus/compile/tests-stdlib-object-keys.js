// Object.keys/values/entries/assign/fromEntries/is/hasOwn, and property order.
const o = { b: 1, a: 2, 10: 'ten', 2: 'two', [Symbol('s')]: 'sym', '-1': 'neg' };
console.log(Object.keys(o).join());
console.log(JSON.stringify(Object.values(o)));
console.log(JSON.stringify(Object.entries(o)));
console.log(Object.keys('abc').join(), Object.keys(5).length, Object.values('hi').join());
console.log(JSON.stringify(Object.entries([7, 8])));
try { Object.keys(undefined) } catch (e) { console.log(e.name + ': ' + e.message) }
try { Object.entries(null) } catch (e) { console.log(e.name + ': ' + e.message) }

// Non-enumerable properties are left out.
const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });
console.log(Object.keys(hidden).join(), Object.values(hidden).join());

// Getters run for values.
const g = { get now() { return 'got' }, plain: 1 };
console.log(Object.values(g).join());

// assign: later sources win; null and undefined sources are skipped; returns the target.
const target = { a: 1 };
const r = Object.assign(target, { b: 2 }, null, undefined, { a: 3 }, 'xy');
console.log(r === target, JSON.stringify(target));
const sym = Symbol('k');
const withSym = Object.assign({}, { [sym]: 'symbol value' });
console.log(withSym[sym]);
try { Object.assign(null, {}) } catch (e) { console.log(e.name + ': ' + e.message) }
const setterLog = [];
Object.assign({ set x(v) { setterLog.push(v) } }, { x: 'via setter' });
console.log(setterLog.join());

// fromEntries
console.log(JSON.stringify(Object.fromEntries([['a', 1], ['b', 2]])));
console.log(JSON.stringify(Object.fromEntries(Object.entries({ x: 1, y: 2 }).map(([k, v]) => [k, v * 10]))));
console.log(JSON.stringify(Object.fromEntries([[1, 'one'], ['__proto__', 'own']])));
for (const bad of [[1], 1, undefined, null, {}]) {
  try { Object.fromEntries(bad) } catch (e) { console.log(e.name + ': ' + e.message) }
}

// is
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is('a', 'a'),
            Object.is({}, {}), Object.is(undefined, null));

// hasOwn
console.log(Object.hasOwn({ a: 1 }, 'a'), Object.hasOwn({ a: 1 }, 'toString'), Object.hasOwn([1], 0),
            Object.hasOwn('str', 'length'));
try { Object.hasOwn(null, 'a') } catch (e) { console.log(e.name + ': ' + e.message) }

// The constructor.
console.log(typeof Object(1), Object(1) instanceof Number, typeof Object('s'), Object(null) !== null);
const same = {};
console.log(Object(same) === same, new Object(same) === same, JSON.stringify(new Object()));
console.log(Object.length, Object.name, typeof Object.prototype, Object.getPrototypeOf(Object.prototype));
