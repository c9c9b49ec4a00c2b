// concat and slice over a sparse array of length 2 ** 32 - 1 visit the indices it has,
// not every hole (they ran for minutes); an index on Array.prototype is still seen.
const a = []; a.length = 2 ** 32 - 1;
console.log([].concat(a).length);
const b = [1]; b[2 ** 32 - 2] = 5; b[1000000] = 'm';
const r = [].concat(b); console.log(r.length, r[2 ** 32 - 2], r[1000000], Object.keys(r).length);
const s = b.slice(999999, 1000001); console.log(s, s.length);
console.log(b.slice(-3).length, [0].concat([1, , 3]), Object.keys(Array(70000).concat([1])).length);
Array.prototype[5] = 'inherited';
const h = []; h.length = 100000;
console.log(Object.keys([].concat(h)).length, [].concat(h)[5]);
delete Array.prototype[5];
