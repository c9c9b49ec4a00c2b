// instanceof's TypeErrors, in V8's words: a right-hand side that is not an object, a
// Symbol.hasInstance that is not callable (named by its type), an object that is not
// callable, a function whose prototype is not an object.
for (const rhs of [1, 'x', null, undefined, {}]) {
  try {
    ({}) instanceof rhs;
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
for (const h of [5, {}, 'str', true, Symbol('q'), null]) {
  try {
    console.log(({}) instanceof { [Symbol.hasInstance]: h });
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
try {
  ({}) instanceof (() => {});
} catch (e) {
  console.log(e.message);
}
