// Graded exercise of chapter 5: V8's TypeErrors for a spread argument that is not
// iterable. A call (or `new`, `super`, a method call) whose one spread is its last
// argument says "X is not iterable (cannot read property undefined)" for a nullish X,
// named as the source names it, and "Spread syntax requires ...iterable[Symbol.iterator]
// to be a function" for any other value. Any other spread argument (not last, or one of
// several) says "<typeof> <value> is not iterable (cannot read property
// Symbol(Symbol.iterator))". An array literal's spread keeps its own message. node 20
// wrote the expectation (UPDATE=node sh tests/run.sh tests/exercises/05/spread-arguments.js).
function attempt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, `${e.name}: ${e.message}`);
  }
}
function f() {
  return arguments.length;
}
const u = undefined, n = null, one = 1, obj = {}, s = Symbol("q"), o = { a: null };
console.log("-- the one spread, last");
attempt("undefined:", () => f(...undefined));
attempt("a variable:", () => f(...u));
attempt("null:", () => f(1, ...n));
attempt("a member:", () => f(...o.a));
attempt("a computed member:", () => f(...o["x" + 1]));
attempt("a number:", () => f(...one));
attempt("a symbol:", () => f(...s));
attempt("an object:", () => f(...obj));
attempt("a function:", () => f(...f));
attempt("a call's result:", () => f(...f()));
attempt("Symbol.iterator not callable:", () => f(...{ [Symbol.iterator]: 1 }));
attempt("a method call:", () => Math.max(...one));
attempt("new:", () => new f(...n));
attempt("super:", () => {
  class A { constructor() {} }
  class B extends A { constructor(x) { super(...x); } }
  return new B(null);
});
attempt("eval:", () => eval(...u));
console.log("-- other spreads");
attempt("not last:", () => f(...one, 1));
attempt("the second of two:", () => f(...[1], ...true));
attempt("undefined:", () => f(...u, 1));
attempt("null:", () => f(...n, 1));
attempt("a symbol:", () => f(...s, 1));
attempt("an object:", () => f(...obj, 1));
attempt("a function:", () => f(...f, 1));
attempt("a number:", () => f(...1.5, ...[]));
console.log("-- what still works");
attempt("spreads:", () => f(...[1, 2], 3, ..."ab", ...new Set([4])));
attempt("an array literal:", () => [...one]);
attempt("an array literal, undefined:", () => [...u]);
attempt("the iterator's result:", () => f(...{ [Symbol.iterator]: () => 1 }));
