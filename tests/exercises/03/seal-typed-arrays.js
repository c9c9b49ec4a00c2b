// Graded exercise of chapter 3: a typed array's elements are configurable by the letter
// of the specification, yet V8 seals typed arrays: Object.seal makes the other properties
// non-configurable and the object non-extensible, and leaves the elements as they are
// (Object.defineProperty still cannot make one non-configurable). Object.isSealed counts
// the elements as sealed, whatever the length (a length-tracking view that grows stays
// sealed); Object.isFrozen does not, as they stay writable. node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/03/seal-typed-arrays.js).
"use strict";
function attempt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, `${e.name}: ${e.message}`);
  }
}
const a = new Int16Array([1, 2, 3]);
a.extra = "x";
attempt("seal:", () => Object.seal(a) === a);
console.log("  sealed:", Object.isSealed(a), "frozen:", Object.isFrozen(a), "extensible:", Object.isExtensible(a));
console.log("  an element:", Object.getOwnPropertyDescriptor(a, 1));
console.log("  extra:", Object.getOwnPropertyDescriptor(a, "extra"));
attempt("  write an element:", () => { a[1] = 7; return a.join(); });
attempt("  add a property:", () => { a.more = 1; });
attempt("  delete an element:", () => delete a[0]);
attempt("  delete extra:", () => delete a.extra);
attempt("  define non-configurable:", () => Object.defineProperty(a, 0, { value: 5, configurable: false }));
attempt("  Reflect.defineProperty:", () => Reflect.defineProperty(a, 0, { configurable: false }));
attempt("freeze with elements:", () => Object.freeze(new Uint8Array(2)));
const fixed = Object.preventExtensions(new Float64Array(2));
console.log("not extensible:", Object.isSealed(fixed), Object.isFrozen(fixed));
const withProp = new Uint8Array(2);
withProp.p = 1;
console.log("not extensible, a configurable property:", Object.isSealed(Object.preventExtensions(withProp)));
const empty = Object.preventExtensions(new Uint8Array(0));
console.log("empty:", Object.isSealed(empty), Object.isFrozen(empty));
const buffer = new ArrayBuffer(0, { maxByteLength: 8 });
const tracking = Object.seal(new Uint8Array(buffer));
buffer.resize(4);
console.log("tracking, grown:", tracking.length, Object.isSealed(tracking));
console.log("a DataView:", Object.isSealed(Object.seal(new DataView(new ArrayBuffer(2)))));
