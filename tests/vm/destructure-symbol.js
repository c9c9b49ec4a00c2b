// Destructuring a symbol, where there is no expression to name: V8's words for a value
// it cannot print (not a failed conversion of the symbol to text).
function f([x]) {}
try {
  f(Symbol('w'));
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  const [a] = Symbol.iterator;
} catch (e) {
  console.log(e.constructor.name, e.message);
}
