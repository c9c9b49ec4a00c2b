// Garbage of known kinds between two collections: 2,000 objects (1,000 with a string
// made at run time each), 1,000 cells (closures' captured variables), 500 accessors.
gc();
(function () {
  const keep = [];
  for (let i = 0; i < 1000; i++) keep.push({ i, text: 'item ' + i });
  for (let i = 0; i < 1000; i++) {
    let n = i;
    keep.push(() => n);
  }
  for (let i = 0; i < 500; i++) keep.push({ get x() { return i; }, set x(v) {} });
})();
gc();
console.log('done');
