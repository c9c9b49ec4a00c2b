// Private fields, methods and accessors, static ones, #x in obj, and their errors.
class Counter {
  #count = 0;
  static #instances = 0;
  constructor() { Counter.#instances++; }
  #step() { return 1; }
  get #double() { return this.#count * 2; }
  set #double(v) { this.#count = v / 2; }
  increment() { this.#count += this.#step(); return this; }
  get value() { return this.#count; }
  twice() { this.#double = 10; return this.#double; }
  static count() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  postfix() { return [this.#count++, this.#count, --this.#count]; }
}
const c = new Counter().increment().increment();
console.log(c.value, c.twice(), c.postfix(), Counter.count(), new Counter(), Counter.count());
console.log(Counter.isCounter(c), Counter.isCounter({}), Object.keys(c), JSON.stringify(c));
console.log(Object.getOwnPropertySymbols(c).length, Object.getOwnPropertyNames(c).length);

// Every evaluation of a class makes new private names.
const make = () => class { #x = 1; static has(o) { return #x in o; } };
const A1 = make(), A2 = make();
console.log(A1.has(new A1()), A1.has(new A2()));

const attempt = (f) => {
  try { console.log(f()); } catch (e) { console.log(`${e.name}: ${e.message}`); }
};
class P {
  #f = 1;
  #m() {}
  get #g() { return 1; }
  set #s(v) {}
  static #sm() {}
  static read(o) { return o.#f; }
  static write(o) { o.#f = 2; }
  static call(o) { return o.#m(); }
  static writeMethod(o) { o.#m = 1; }
  static writeGetter(o) { o.#g = 1; }
  static readSetter(o) { return o.#s; }
  static callStatic(o) { return o.#sm(); }
  static inPrimitive(v) { return #f in v; }
}
attempt(() => P.read({}));
attempt(() => P.write({}));
attempt(() => P.call({}));
attempt(() => P.writeMethod(new P()));
attempt(() => P.writeGetter(new P()));
attempt(() => P.readSetter(new P()));
attempt(() => P.callStatic({}));
attempt(() => P.inPrimitive(1));

// A field initialised twice on one object: through a constructor that returns it.
class Returner { constructor(o) { return o; } }
class Stamp extends Returner { #id = 1; static has(o) { return #id in o; } }
const target = {};
new Stamp(target);
console.log(Stamp.has(target));
attempt(() => new Stamp(target));

// Private names are not shown and not copied.
class Shown { #hidden = 1; visible = 2; }
console.log(new Shown(), { ...new Shown() }, Object.assign({}, new Shown()));
