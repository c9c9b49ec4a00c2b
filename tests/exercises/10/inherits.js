// Exercise 10.7: util.inherits(ctor, superCtor), the pre-class way to inherit: the
// prototype's prototype becomes superCtor.prototype and ctor.super_ is superCtor.
const util = require('util');
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return `${this.name} makes a sound`; };
function Dog(name) { Animal.call(this, name); }
util.inherits(Dog, Animal);
Dog.prototype.bark = function () { return 'woof'; };
const d = new Dog('Rex');
console.log(d.speak(), d.bark(), d instanceof Animal, Dog.super_ === Animal);
console.log(Object.getOwnPropertyDescriptor(Dog, 'super_'));
console.log(Object.keys(Dog), Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
for (const [a, b] of [[null, Animal], [Dog, null], [Dog, Object.create(null)]]) {
  try {
    util.inherits(a, b);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
