// Map and Set iterators are live: they see entries added during iteration, skip deleted
// ones, survive clear() and the table's growth and compaction; forEach behaves alike.
const s = new Set([1, 2, 3]);
const seen = [];
for (const x of s) { seen.push(x); if (x < 20) s.add(x + 10); s.delete(x + 1); }
console.log(seen, [...s]);
const it = new Set([1, 2, 3]).values();
const s2 = new Set([1, 2, 3]);
const it2 = s2.values();
console.log(it2.next());
s2.clear();
s2.add(9);
console.log(it2.next(), it2.next(), it2.next());
s2.add(10);
console.log(it2.next(), 'done stays done');
const m = new Map([[1, 1]]);
m.forEach(function (v, k, map) { console.log(v, k, map === m, this.t); if (k < 5) map.set(k + 1, v * 2); }, { t: 'T' });
const grow = new Set();
const gi = grow.values();
for (let i = 0; i < 1000; i++) grow.add(i);
for (let i = 0; i < 995; i++) grow.delete(i);
console.log([...gi]);
const shrink = new Map();
for (let i = 0; i < 300; i++) shrink.set(i, -i);
const si = shrink.entries();
console.log(si.next().value);
for (let i = 1; i < 298; i++) shrink.delete(i);
console.log([...si]);
const mi = new Map([['a', 1], ['b', 2]]);
console.log([...mi.keys()], [...mi.values()], [...mi.entries()], [...mi]);
const proto = Object.getPrototypeOf(mi.keys());
console.log(Object.getOwnPropertyNames(proto), proto[Symbol.toStringTag], Object.getPrototypeOf(new Set().values())[Symbol.toStringTag]);
console.log(Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([].values())));
const x = mi.keys();
console.log(x[Symbol.iterator]() === x, Object.prototype.toString.call(x), typeof proto.next, proto.next.length);
const del = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
const out = [];
del.forEach((v, k) => { out.push(k); del.delete(k + 1); });
console.log(out);
const [a, b, ...rest] = new Set([1, 2, 3, 4]);
console.log(a, b, rest, Array.from(new Map([[1, 2]])), Array.from(new Set([1]).entries()));
function attempt(f) { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
attempt(() => proto.next.call({}));
attempt(() => proto.next.call(new Set().values()));
attempt(() => Object.getPrototypeOf(new Set().values()).next.call(new Map().entries()));
