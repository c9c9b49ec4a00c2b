// Parentheses that turn out to be an arrow's parameters may not hold a yield or await
// expression; strict code may not delete a name, even in parentheses.
const sources = [
  'function *g() { (x = yield) => {}; }',
  'function *g() { ((a = yield) => {}); }',
  'function *g() { (a, b = [yield]) => 1 }',
  'function *g() { (yield); (x = (yield)); }',
  'function *g() { (a = function* () { yield }) => {}; }',
  'function *g() { (x) => { yield }; }',
  'function* g() { async (a = yield) => 1 }',
  'async () => { (a = await/r/g) => {} };',
  'async function f() { (a = (await 1)) => 1 }',
  'async function f() { async (a = await 1) => 1 }',
  'async function f() { (x = async () => await 1) => {}; }',
  'async function f() { async (await 1); g(await 2) }',
  '"use strict"; delete (x);',
  '"use strict"; delete ((identifier));',
  'delete ((identifier));',
];
for (const src of sources) {
  try {
    new Function(src);
    console.log('ok:', src);
  } catch (e) {
    console.log(`${e.name}: ${e.message}:`, src);
  }
}
