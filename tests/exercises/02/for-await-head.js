// Graded exercise 2 of chapter 2: the head of `for await` is parsed as V8 parses it. Its
// left-hand side is a declaration or a LeftHandSideExpression (so `,` and `=` there are
// unexpected tokens, not an invalid left-hand side), `let` may not start it, and the
// declaration errors name the loop `for-await-of`. node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/02/for-await-head.js).
const heads = [
  "for await (var x = 1 of []) ;",
  "for await (let [a] = [] of []) ;",
  "for await (const x = 1 of []) ;",
  "for await (let x, y of []) ;",
  "for await (var x, y of []) ;",
  "for await (let in []) ;",
  "for await (let.x of []) ;",
  "for await (x, y of []) ;",
  "for await ([a] = [] of []) ;",
  "for await (x = 1 of []) ;",
  "for await (x in y) ;",
  "for await (var x in y) ;",
  "for await (x of a, b) ;",
  "for await (1 of []) ;",
  "for await (async of []) ;",
  "for await ([x, { y }] of []) ;",
  "for await (var [x] of [1]) ;",
  "for (var x = 1 of []) ;",
  "for (let x, y in {}) ;",
  "for (x, y of []) ;",
  "for (let in {}) ;",
];
for (const head of heads) {
  try {
    Function("return async function () { " + head + " }");
    console.log(head, "-> ok");
  } catch (e) {
    console.log(head, "->", e.name + ": " + e.message);
  }
}
