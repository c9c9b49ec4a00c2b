// Object literals (shorthand, methods, getters and setters, computed keys, spread,
// __proto__, numeric and string keys) and classes (extends, the constructor, methods,
// static members, accessors, fields, a static block). Class bodies are strict.
const o = {
  a, b: 2, "c d": 3, 4: "four", [key]: 5, ...rest, __proto__: proto,
  m() {}, get x() { return 1; }, set x(v) {}, async am() {}, *gen() {}, async *ag() {},
  f: function () {}, g: () => {}, get: 1, set: 2, async: 3
};
class Animal {
  legs = 4;
  static count = 0;

}
class Dog extends Animal {
  constructor(name) { super(); this.name = name; }
  bark() { return `${this.name}: woof`; }
  static create(n) { return new Dog(n); }
  get loud() { return true; }
  set loud(v) {}
  static { Dog.ready = true; }
  ["computed" + 1]() {}
}
const Anon = class {};
