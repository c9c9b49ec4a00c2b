// Graded exercise 12 of chapter 4: an object pattern nested in another (`{a: {b}}`,
// `[{b}]`), whose value is read straight from the outer pattern's property or element,
// has its first property read like any other property read, and V8 reports a null or
// undefined value there as "Cannot read properties of undefined (reading 'b')". A
// pattern at the top, or behind a default (`{a: {b} = null}`), keeps "Cannot destructure
// ...". node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/04/nested-pattern-errors.js).
const cases = [
  "const {a: {b}} = {};",
  "const {a: {b}} = {a: null};",
  "const {a: {b: {c}}} = {a: {}};",
  "const {a: {b}, c: {d}} = {a: {}};",
  "const [{b}] = [];",
  "const [{b}] = [null];",
  "const [x, {y}] = [1];",
  "let b; ({a: {b}} = {});",
  "let y; [{y}] = [];",
  "function f({a: {b}}) {} f({});",
  "for (const [{b}] of [[]]) ;",
  "const {a} = null;",
  "const {a} = undefined;",
  "function f({a}) {} f();",
  "const {a: {b} = null} = {};",
  "let y; ({a: {y} = undefined} = {});",
  "const [{b} = null] = [];",
  "const {a: {b}} = {a: {b: 1}}; console.log('fine:', b);",
];
for (const c of cases) {
  try {
    eval(c);
  } catch (e) {
    console.log(c, "->", e.name + ": " + e.message);
  }
}
