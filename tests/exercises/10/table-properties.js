// Graded exercise 3 of chapter 10: console.table(data, properties). A `properties` that
// is not an array is node's ERR_INVALID_ARG_TYPE (saying what it received); a column
// that no row has is empty; a name given twice is one column; a symbol names no column
// (node collects the columns with Object.keys); other names are property keys.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/10/table-properties.js).
const rows = [{ a: 1, b: 2, null: 'n' }, { a: 3, c: 4, [Symbol.iterator]: 's' }];
for (const properties of ['a', null, 5, { 0: 'a', length: 1 }, new Set(['a'])]) {
  try {
    console.table(rows, properties);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
console.table(rows, ['z']);
console.table(rows, ['a', 'a']);
console.table(rows, [Symbol.iterator, 'c']);
console.table(rows, [Symbol.iterator]);
console.table(rows, [{ toString() { return 'b'; } }, null]);
console.table([[1, 2], [3]], [1, 0]);
