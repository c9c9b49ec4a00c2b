// Things of known kinds that live through one collection and die before the next:
// 2,500 objects (1,000 with a string made at run time each, 1,000 closures, 500 with an
// accessor), 1,000 cells (the closures' captured variables), 500 accessors.
const keep = [];
for (let i = 0; i < 1000; i++) keep.push({ i, text: 'item ' + i });
for (let i = 0; i < 1000; i++) {
  let n = i;
  keep.push(() => n);
}
for (let i = 0; i < 500; i++) keep.push({ get x() { return i; }, set x(v) {} });
gc(); // they survive this one
keep.length = 0;
gc(); // and not this one
console.log('done');
