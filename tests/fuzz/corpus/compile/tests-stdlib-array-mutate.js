// Methods that change the array: push pop shift unshift splice reverse fill copyWithin sort.
const j = a => JSON.stringify(a);
const a = [1, 2, 3];
console.log(a.push(4, 5), j(a), a.push(), a.pop(), j(a), [].pop(), a.shift(), j(a), [].shift());
console.log(a.unshift(0, 0.5), j(a), a.unshift(), j(a));

// splice
const s = [0, 1, 2, 3, 4, 5];
console.log(j(s.splice(1, 2)), j(s));
console.log(j(s.splice(-2)), j(s));
console.log(j(s.splice(1, 0, 'a', 'b')), j(s));
console.log(j(s.splice(0, 1, 'x', 'y', 'z')), j(s));
console.log(j(s.splice()), j(s.splice(undefined)), j(s));
console.log(j([1, 2, 3].splice(1, -5)), j([1, 2, 3].splice(1, 99)), j([1, 2, 3].splice(-99, 1)));
const h = [1, , 3, , 5];
console.log(j(h.splice(1, 3)), j(h), h.length);

// reverse, fill, copyWithin
console.log(j([1, 2, 3, 4].reverse()), j([].reverse()), j([1, , 3].reverse()));
console.log(j(new Array(4).fill(7)), j([1, 2, 3, 4].fill(0, 1, 3)), j([1, 2, 3].fill(9, -1)));
console.log(j([1, 2, 3, 4, 5].copyWithin(0, 3)), j([1, 2, 3, 4, 5].copyWithin(1, 0, 3)),
            j([1, 2, 3, 4, 5].copyWithin(-2, 0)));

// sort: strings by UTF-16 code units, undefined last, holes after, stable, comparator.
console.log(j([10, 9, 1, 100, 25].sort()), j(['b', 'a', 'C', 'B', 'é', 'e'].sort()));
console.log(j([3, undefined, 1, , 2].sort()), [3, undefined, 1, , 2].sort().length);
console.log(j([10, 9, 1, 100, 25].sort((x, y) => x - y)), j([10, 9, 1, 100].sort((x, y) => y - x)));
const people = [{ n: 'a', age: 30 }, { n: 'b', age: 25 }, { n: 'c', age: 30 }, { n: 'd', age: 25 }];
console.log(people.sort((x, y) => x.age - y.age).map(p => p.n).join(''));
console.log(j(['😀', '\uffff', 'z'].sort()), j([true, false, null, 'null', 1].sort()));
console.log(j([5, 1, 4].sort(() => 0)), j([1, 2, 3].sort((x, y) => (x < y ? 1 : -1))));
const sorted = [3, 1, 2];
console.log(sorted.sort() === sorted);
try { [1, 2].sort('nope') } catch (e) { console.log(e.name + ': ' + e.message) }
try { [2, 1].sort(() => { throw new Error('from comparator') }) } catch (e) { console.log(e.message) }
const big = [];
for (let i = 0; i < 200; i++) big.push((i * 7919) % 200);
console.log(big.sort((x, y) => x - y).every((v, i) => v === i));

// Copying variants (ES2023).
const orig = [3, 1, 2];
console.log(j(orig.toSorted()), j(orig.toReversed()), j(orig.toSpliced(1, 1, 'x')), j(orig.with(0, 9)), j(orig));
try { orig.with(5, 1) } catch (e) { console.log(e.name) }

// length assignment truncates and extends.
const t = [1, 2, 3, 4];
t.length = 2;
console.log(j(t));
t.length = 4;
console.log(j(t), 3 in t);

// Generic use on array-likes.
const like = { length: 2, 0: 'a', 1: 'b' };
Array.prototype.push.call(like, 'c');
console.log(like.length, like[2], Array.prototype.pop.call(like), like.length);
console.log(Array.prototype.join.call({ length: 3, 0: 'x', 2: 'z' }, '+'));
try { Array.prototype.push.call(null, 1) } catch (e) { console.log(e.name + ': ' + e.message) }
