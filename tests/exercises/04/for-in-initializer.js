// Graded exercise 10 of chapter 4: sloppy code may give the var of a for-in head an
// initializer (Annex B.3.5), `for (var x = init in o)`. The parser accepts it; the
// compiler must evaluate init and assign it to x before it evaluates o, and the loop
// then assigns each key over it as usual. node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/04/for-in-initializer.js).
const log = [];
function note(what, value) {
  log.push(what);
  return value;
}

for (var a = 1 in {}) ;
console.log("empty object:", a);

for (var b = note("init", "first") in note("object", { x: 1, y: 2 })) log.push(b);
console.log("order:", log.join(" "), "| last key:", b);

function inner() {
  for (var f = function () {} in null) ;
  for (var k = (0, "in" in { in: 1 }) in undefined) ;
  return [typeof f, f.name, k];
}
console.log(inner());

var count = 0;
for (var c = ++count in { p: 1, q: 2, r: 3 }) ;
console.log("initializer ran", count, "time(s); c =", c);
