// The program tests/exercises/13/js-heap.sh debugs: at the `debugger` statement the heap
// holds at least 2,500 objects made here (1,000 with a string made at run time each,
// 1,000 closures, 500 with an accessor), 1,000 strings, 1,000 cells, 500 accessors.
const keep = [];
for (let i = 0; i < 1000; i++) keep.push({ i, text: 'item ' + i });
for (let i = 0; i < 1000; i++) {
  let n = i;
  keep.push(() => n);
}
for (let i = 0; i < 500; i++) keep.push({ get x() { return i; }, set x(v) {} });
debugger;
