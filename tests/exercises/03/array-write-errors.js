// Graded exercise of chapter 3: the TypeErrors V8 gives when an array refuses a write.
// Shrinking `length` deletes the elements above the new length from the top down, and a
// non-configurable element stops it: the length ends just above that element, and strict
// code (or Object.defineProperty) hears "Cannot delete property 'N' of [object Array]".
// A write to an index that a read-only element on the prototype chain shadows is refused
// as that element's, "Cannot assign to read only property 'N' ...". A read-only `length`
// keeps its own message. node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/03/array-write-errors.js).
"use strict";
function attempt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, `${e.name}: ${e.message}`);
  }
}
const pinned = (n, at) => {
  const a = Array.from({ length: n }, (_, i) => i);
  Object.defineProperty(a, at, { configurable: false });
  return a;
};
let a = pinned(5, 2);
attempt("assign:", () => (a.length = 0));
console.log("  left:", a, a.length);
a = pinned(5, 2);
attempt("assign a string:", () => (a.length = "1"));
a = pinned(5, 2);
attempt("defineProperty:", () => Object.defineProperty(a, "length", { value: 1 }));
a = pinned(5, 3);
attempt("defineProperty read-only:", () => Object.defineProperty(a, "length", { value: 0, writable: false }));
console.log("  left:", a.length, Object.getOwnPropertyDescriptor(a, "length").writable);
attempt("sealed:", () => (Object.seal([1, 2, 3]).length = 1));
attempt("frozen:", () => (Object.freeze([1, 2, 3]).length = 1));
const sparse = [];
sparse[100000] = 1;
Object.defineProperty(sparse, 5000, { value: 1, configurable: false });
attempt("sparse:", () => (sparse.length = 0));
console.log("  left:", sparse.length);
attempt("Reflect.set:", () => Reflect.set(pinned(5, 2), "length", 0));
attempt("Reflect.defineProperty:", () => Reflect.defineProperty(pinned(5, 2), "length", { value: 0 }));
attempt("growing is fine:", () => (pinned(2, 1).length = 4));

Object.defineProperty(Array.prototype, 0, { value: "p", writable: false, configurable: true });
attempt("inherited read-only, assign:", () => ([][0] = 1));
attempt("inherited read-only, push:", () => [].push(1));
attempt("inherited read-only, unshift:", () => [].unshift(1));
console.log("  an own element is still writable:", (() => { const b = [1]; b[0] = 2; return b[0]; })());
delete Array.prototype[0];
const fixed = [1];
Object.defineProperty(fixed, "length", { writable: false });
attempt("read-only length, assign past it:", () => (fixed[1] = 2));
attempt("read-only length, push:", () => fixed.push(2));
Array.prototype[1] = "w";
attempt("read-only length, a writable element inherited:", () => (fixed[1] = 2));
delete Array.prototype[1];
attempt("not extensible:", () => (Object.preventExtensions([1])[1] = 2));
