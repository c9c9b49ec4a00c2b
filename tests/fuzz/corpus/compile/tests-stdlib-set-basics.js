// Set: SameValueZero values, order, the constructor's iterable (through add), the
// prototype's shape, and V8's messages.
const s = new Set([1, 2, 2, '2', NaN, NaN, -0, 0]);
console.log(s.size, [...s], s.has(NaN), s.has(-0), s.has('1'));
console.log(s.add(3) === s, s.delete(2), s.delete(2), [...s]);
console.log([...s.entries()], [...s.keys()], Set.prototype.keys === Set.prototype.values);
console.log(Set.prototype[Symbol.iterator] === Set.prototype.values);
console.log(new Set('hello'), new Set(new Map([[1, 2]])));
console.log(Object.getOwnPropertyNames(Set.prototype), Set.prototype.add.length, Set.length);
const dedup = [...new Set([3, 1, 3, 2, 1, 'a', 'a'])];
console.log(dedup);
const seen = [];
new Set(['x', 'y']).forEach(function (v, k, set) { seen.push([v, k, set.size, this.tag]); }, { tag: 't' });
console.log(seen);
const added = [];
const addSpy = Set.prototype.add;
Set.prototype.add = function (v) { added.push(v); return addSpy.call(this, v); };
new Set([5, 6]);
Set.prototype.add = addSpy;
console.log(added);
function attempt(f) { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
attempt(() => Set());
attempt(() => new Set(1));
attempt(() => new Set({}));
attempt(() => Set.prototype.add.call(1, 1));
attempt(() => Set.prototype.has.call(new Map(), 1));
attempt(() => Set.prototype.values.call({}));
attempt(() => Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(new Map()));
attempt(() => new Set().values().next.call(new Map().keys()));
Set.prototype.add = undefined;
attempt(() => new Set([1]));
attempt(() => new Set().size);
Set.prototype.add = addSpy;
