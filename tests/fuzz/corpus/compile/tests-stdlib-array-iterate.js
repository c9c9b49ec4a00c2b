// Methods that call back: forEach map filter reduce reduceRight some every find*.
const j = a => JSON.stringify(a);
const nums = [1, 2, 3, 4];
const seen = [];
console.log(nums.forEach(function (v, i, arr) { seen.push(v * 10 + i + (arr === nums ? 0 : 100)) }));
console.log(j(seen));
console.log(j(nums.map(x => x * x)), j(nums.map((x, i) => i)), j(nums.filter(x => x % 2)));
console.log(j(['a', 'b'].map(function (x) { return x + this.s }, { s: '!' })));

// reduce, as the tutorial uses it.
const marks = [78, 84, 91];
const total = marks.reduce((sum, mark) => sum + mark, 0);
console.log(total, total / marks.length);
console.log(nums.reduce((a, b) => a + b), nums.reduce((a, b) => a + b, 10), [5].reduce((a, b) => a + b));
console.log([].reduce((a, b) => a + b, 'init'), j([[1, 2], [3]].reduce((acc, x) => acc.concat(x), [])));
console.log(nums.reduce((acc, v, i, arr) => acc + v * i + arr.length, ''));
console.log(['a', 'b', 'c'].reduceRight((acc, x) => acc + x), ['a', 'b', 'c'].reduceRight((acc, x) => acc + x, '>'));
console.log(j(nums.reduce((o, v) => { o[v % 2 ? 'odd' : 'even'].push(v); return o }, { odd: [], even: [] })));
for (const f of [() => [].reduce((a, b) => a + b), () => [, ,].reduce((a, b) => a + b),
                 () => [].reduceRight((a, b) => a), () => [1].reduce(), () => [1].reduce('x'),
                 () => [1].map(), () => [1].forEach(null), () => [1].filter({}), () => [1].some(1),
                 () => [1].find(), () => [1].every([])]) {
  try { f() } catch (e) { console.log(e.name + ': ' + e.message) }
}

// Holes are skipped by the iteration methods but not by find.
const holes = [1, , 3];
let calls = 0;
holes.forEach(() => calls++);
console.log(calls, j(holes.map(x => x * 2)), 1 in holes.map(x => x), holes.reduce((a, b) => a + b));
console.log(holes.find(x => x === undefined), holes.findIndex(x => x === undefined), holes.some(x => x === undefined));

// some, every, find, findIndex, findLast, findLastIndex.
console.log(nums.some(x => x > 3), nums.some(x => x > 4), nums.every(x => x > 0), nums.every(x => x > 1));
console.log([].some(() => true), [].every(() => false));
console.log(nums.find(x => x > 2), nums.findIndex(x => x > 2), nums.findLast(x => x < 3), nums.findLastIndex(x => x < 3));
console.log(nums.find(x => x > 9), nums.findIndex(x => x > 9), nums.findLast(x => x > 9), nums.findLastIndex(x => x > 9));

// Changing the array while iterating: the length is read once.
const grow = [1, 2, 3];
const visited = [];
grow.forEach(x => { visited.push(x); if (grow.length < 6) grow.push(x * 10) });
console.log(j(visited), j(grow));
const shrink = [1, 2, 3, 4];
const got = shrink.map(x => { shrink.pop(); return x });
console.log(j(got), got.length);

// Generic on array-likes and strings.
console.log(j(Array.prototype.map.call('abc', c => c.toUpperCase())));
console.log(Array.prototype.reduce.call({ length: 3, 0: 1, 1: 2, 2: 3 }, (a, b) => a + b));
console.log(j(Array.prototype.filter.call({ length: 4, 0: 'x', 3: 'y' }, () => true)));

// Chains.
const words = ['apple', 'Banana', 'cherry', 'date'];
console.log(words.filter(w => w.length > 4).map(w => w.toUpperCase()).join(' | '));
console.log(words.map(w => w.length).reduce((a, b) => Math.max(a, b)));
