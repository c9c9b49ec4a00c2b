// ArraySpeciesCreate (map, filter, slice, splice, concat, flat, flatMap), Array's
// Symbol.species getter, Symbol.isConcatSpreadable and Array.prototype[Symbol.unscopables].
class MyArray extends Array {}
const m = MyArray.from([1, 2, 3]);
for (const r of [m.map((x) => x * 2), m.filter((x) => x > 1), m.slice(1), m.splice(0, 1),
                 m.concat([4]), m.flat(), m.flatMap((x) => [x, x])])
  console.log(r.constructor.name, r);

const getter = Object.getOwnPropertyDescriptor(Array, Symbol.species);
console.log(getter.get.name, getter.set, getter.configurable, Array[Symbol.species] === Array);

// constructor[Symbol.species]: null and undefined mean Array; anything else must construct.
const a = [1, 2];
for (const species of [null, undefined, 1, () => {}, function C(n) { this.made = n; }]) {
  a.constructor = { [Symbol.species]: species };
  try {
    console.log(a.map((x) => x));
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
a.constructor = 0;
try { a.slice(); } catch (e) { console.log(`${e.name}: ${e.message}`); }
a.constructor = undefined;
console.log(a.concat(3));

// A species constructor whose result refuses the elements.
a.constructor = { [Symbol.species]: function () { return Object.freeze({}); } };
try { a.map((x) => x); } catch (e) { console.log(`${e.name}: ${e.message}`); }

// Spreading: the symbol decides before IsArray; array-likes, strings, proxies.
const like = { length: 3, 0: 'a', 2: 'c', [Symbol.isConcatSpreadable]: true };
const notSpread = [7, 8];
notSpread[Symbol.isConcatSpreadable] = false;
const str = new String('hi');
str[Symbol.isConcatSpreadable] = true;
console.log([0].concat(like, notSpread, str, new Proxy([9], {})));
console.log([].concat({ length: -5, [Symbol.isConcatSpreadable]: true }).length);
try {
  [1].concat({ length: 2 ** 53 - 1, [Symbol.isConcatSpreadable]: true });
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
const poisoned = {};
Object.defineProperty(poisoned, Symbol.isConcatSpreadable, { get() { throw new Error('get'); } });
try { [].concat(poisoned); } catch (e) { console.log(e.message); }

console.log([[1, [2]], new Proxy([3, [4]], {})].flat(2));
console.log(Object.getPrototypeOf(Array.prototype[Symbol.unscopables]),
            Object.keys(Array.prototype[Symbol.unscopables]).join(),
            Object.getOwnPropertyDescriptor(Array.prototype, Symbol.unscopables).writable);
console.log(Symbol.isConcatSpreadable.toString(), Symbol.unscopables.description);
