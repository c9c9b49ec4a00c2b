// Graded exercise 1 of chapter 7: Object.groupBy(items, callback) (ES2024). node 20
// lacks it (node 21 has it): see object-group-by.unlike-node.
const log = [];
console.log(Object.groupBy([1, 2, 3, 4, 5], (x) => (x % 2 ? 'odd' : 'even')));
console.log(Object.groupBy(new Set(['apple', 'avocado', 'banana']), (s, i) => s[0] + i % 2));
console.log(Object.groupBy('héllo', (c) => (c === 'l' ? 'l' : 'other')));
console.log(Object.groupBy([], () => 'never'), Object.getPrototypeOf(Object.groupBy([], () => 1)));
// Keys become property keys: numbers are strings (integer keys first), symbols stay.
const s = Symbol('s');
const groups = Object.groupBy([10, 1, 2, 3, 'x'], (v) => (v === 'x' ? s : v === 10 ? -0 : v % 2 ? 'b' : 2));
console.log(groups, Reflect.ownKeys(groups));
console.log(Object.groupBy.length, Object.groupBy.name, Object.getOwnPropertyDescriptor(Object, 'groupBy').enumerable);

// The order of events: each step of the iterator, then the callback, then the key's
// conversion, before the next step.
const items = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() { log.push('next ' + i); return i < 2 ? { value: 'v' + i++, done: false } : { done: true }; },
      return() { log.push('return'); return {}; },
    };
  },
};
const key = (v) => ({ toString() { log.push('key of ' + v); return v; } });
console.log(Object.groupBy(items, (v, i) => { log.push('callback ' + v + ' ' + i); return key(v); }));
console.log(log.splice(0).join(', '));

// An error from the callback or from the key's conversion closes the iterator.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e instanceof TypeError ? 'TypeError' : e.message, log.splice(0).join(', '));
  }
}
attempt('callback throws', () => Object.groupBy(items, () => { throw new Error('boom'); }));
attempt('key throws', () => Object.groupBy(items, () => ({ toString() { throw new Error('bad key'); } })));
attempt('not callable', () => Object.groupBy(items, 'f'));
attempt('null items', () => Object.groupBy(null, (x) => x));
attempt('not iterable', () => Object.groupBy({}, (x) => x));
