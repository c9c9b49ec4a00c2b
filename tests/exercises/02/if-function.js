// Graded exercise 5 of chapter 2: in sloppy code a function declared as the body of an
// if (or of its else) behaves as if it stood alone in a block (Annex B.3.4): it is bound
// inside that block, and also gets a var of the same name in the enclosing function, set
// when the declaration is reached. Strict code still refuses it. node 20 wrote the
// expectation (UPDATE=node sh tests/run.sh tests/exercises/02/if-function.js).
console.log(typeof three);
if (true) function three() { return 3; }
console.log(three());

if (false) ; else function four() { return 4; }
console.log(four());

if (false) function never() {}
console.log(typeof never, never);

function inner(flag) {
  console.log("before:", typeof pick);
  if (flag) function pick() { return "then"; } else function pick() { return "else"; }
  return pick();
}
console.log(inner(true), inner(false));

try {
  Function('"use strict"; if (true) function f() {}');
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  Function("while (true) function f() {}");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
