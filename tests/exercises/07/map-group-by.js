// Graded exercise 3 of chapter 7: Map.groupBy(items, callback) (ES2024). node 20 lacks
// it (node 21 has it): see map-group-by.unlike-node.
const log = [];
const odd = { odd: true }, even = { even: true };
const byParity = Map.groupBy([1, 2, 3, 4, 5], (x) => (x % 2 ? odd : even));
console.log(byParity, byParity.get(odd), Object.getPrototypeOf(byParity) === Map.prototype);
console.log(Map.groupBy(new Set(['apple', 'avocado', 'banana']), (s, i) => s[0] + i % 2));
console.log(Map.groupBy([], () => 'never'));
// Keys are not converted: 1 and '1' are two groups, NaN is one, and -0 becomes +0.
const keys = Map.groupBy([1, '1', NaN, 0, 'a', 'b'], (v) => (v === 0 ? -0 : v === 'a' || v === 'b' ? NaN : v));
console.log(keys, [...keys.keys()].map((k) => Object.is(k, -0) ? '-0' : typeof k + ' ' + k));
console.log(Map.groupBy.length, Map.groupBy.name, Object.getOwnPropertyDescriptor(Map, 'groupBy').enumerable);
// A Map subclass is not consulted: the result is a plain Map made without Map.prototype.set.
class MyMap extends Map {}
const set = Map.prototype.set;
Map.prototype.set = function () { log.push('set called'); return set.apply(this, arguments); };
const plain = MyMap.groupBy([1], () => 'k');
Map.prototype.set = set;
console.log(plain instanceof MyMap, plain.get('k'), log.splice(0));

// The order of events: each step of the iterator, then the callback, before the next step.
const items = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() { log.push('next ' + i); return i < 2 ? { value: 'v' + i++, done: false } : { done: true }; },
      return() { log.push('return'); return {}; },
    };
  },
};
console.log(Map.groupBy(items, (v, i) => { log.push('callback ' + v + ' ' + i); return i; }));
console.log(log.splice(0).join(', '));

// An error from the callback closes the iterator.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e instanceof TypeError ? 'TypeError' : e.message, log.splice(0).join(', '));
  }
}
attempt('callback throws', () => Map.groupBy(items, () => { throw new Error('boom'); }));
attempt('not callable', () => Map.groupBy(items, {}));
attempt('undefined items', () => Map.groupBy(undefined, (x) => x));
attempt('not iterable', () => Map.groupBy(7, (x) => x));
