// Map and Set (needs Map and Set): sizes, entries, nesting, limits, subclasses.
const util = require('util');
console.log(new Map([['x', 3], ['y', 2]]), new Map(), new Set([3, 1, 2]), new Set());
console.log({ m: new Map([[{ k: 1 }, [1, 2]]]), s: new Set(['a', ['b']]) });
const big = new Set();
for (let i = 0; i < 120; i++) big.add(i);
console.log(big);
console.log(util.inspect(new Map([[1, 'a'], [2, 'b'], [3, 'c']]), { maxArrayLength: 1 }));
class MyMap extends Map {}
console.log(new MyMap([['k', 'v']]));
const withKey = new Set([1]);
withKey.extra = true;
console.log(withKey);
const self = new Map();
self.set('me', self);
console.log(self);
console.log(new Map([['a long key number one', 'a long value number one'], ['a long key number two', 'a long value number two']]));
console.log([new Set([1, 2]), new Map([[1, { a: { b: { c: 1 } } }]])]);
