// A class's text (Function.prototype.toString) is the class alone: parentheses around
// a class expression are not part of it, with or without a constructor or heritage.
console.log((class A {}).toString());
console.log(String(((class { constructor() { this.x = 1; } }))));
console.log(`${(class B extends Object {})}`);
const C = (class {
  m() {}
});
console.log(C.toString());
console.log(String((function f() {})), String((() => 1)), String((async function* g() {})));
