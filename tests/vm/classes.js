// Classes: constructors, methods, accessors, statics, extends, super, fields, static
// blocks, the class binding, names, lengths, attributes and source text.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm() { return Math.sqrt(this.x * this.x + this.y * this.y); }
  get sum() { return this.x + this.y; }
  set sum(v) { this.x = v; this.y = 0; }
  static origin() { return new Point(0, 0); }
  toString() { return `(${this.x}, ${this.y})`; }
}
const p = new Point(3, 4);
console.log(p.norm(), p.sum, String(p), Point.origin(), p);
p.sum = 10;
console.log(p.x, p.y, typeof Point, Point.name, Point.length, Point.prototype.norm.length);

// extends and super: the parent's constructor, methods, statics and accessors
class Point3 extends Point {
  constructor(x, y, z) { super(x, y); this.z = z; }
  norm() { return Math.round(super.norm() * 100) / 100 + this.z; }
  get sum() { return super.sum + this.z; }
  static origin() { return super.origin().toString() + '!'; }
}
const q = new Point3(1, 2, 3);
console.log(q.norm(), q.sum, Point3.origin(), q instanceof Point, Object.getPrototypeOf(Point3) === Point);

// The default derived constructor passes every argument on.
class Loud extends Point {}
console.log(new Loud(5, 6), Loud.length);

// Fields, in order, after super() returns; static fields and blocks when the class is made.
const order = [];
class Base { constructor() { order.push('base'); } }
class Fields extends Base {
  a = order.push('a');
  b = this.a + 1;
  static s = order.push('static s');
  static { order.push('static block'); this.t = this.s * 10; }
  constructor() { order.push('before super'); super(); order.push('after super ' + this.b); }
}
console.log(order.join(', '));
new Fields();
console.log(order.join(', '), Fields.t);

// Computed keys are evaluated once, in order, and name their functions.
let n = 0;
const sym = Symbol('tag');
class Keys {
  [`m${++n}`]() { return 1; }
  static [`s${++n}`] = n;
  [sym]() {}
  get [`g${++n}`]() { return 'g'; }
  ['f' + n] = function () {};
}
const k = new Keys();
console.log(Object.getOwnPropertyNames(Keys.prototype), Keys.s2, k.g3, k.f3.name);
console.log(Keys.prototype[sym].name, Object.getOwnPropertyDescriptor(Keys.prototype, 'g3').get.name);

// Attributes: methods are not enumerable, `prototype` is not writable.
const attrs = (o, key) => {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return [d.writable, d.enumerable, d.configurable].map(Number).join('');
};
console.log(attrs(Point, 'prototype'), attrs(Point.prototype, 'norm'), attrs(Point, 'origin'),
            attrs(Point.prototype, 'constructor'), Object.keys(Point.prototype));

// The inner binding is const; the outer one can change.
class Inner { static self() { return Inner; } }
const Saved = Inner;
try { (class C { static f() { C = 1; } }).f(); } catch (e) { console.log(e.message); }
console.log(Saved.self() === Saved);

// Names and source text
const Anon = class {};
const obj = { Named: class {} };
console.log(Anon.name, obj.Named.name, (class {}).name === '', String(class A { m() {} }));
console.log(String(Point.prototype.norm), String(Object.getOwnPropertyDescriptor(Point.prototype, 'sum').get));

// new.target, also in arrows and through super()
class Target { constructor() { this.t = new.target.name; this.arrow = (() => new.target.name)(); } }
class Sub extends Target {}
console.log(new Target().t, new Sub().t, new Sub().arrow);

// super() inside an arrow, and super.x in object literal methods
class Lazy extends Point { constructor() { const init = () => super(7, 8); init(); } }
console.log(new Lazy());
const proto = { hi() { return 'proto hi'; } };
const lit = { __proto__: proto, hi() { return super.hi() + ' via literal'; } };
console.log(lit.hi());

// extends null, and an expression as heritage
class Bare extends null { constructor() { return Object.create(Bare.prototype); } }
console.log(Object.getPrototypeOf(Bare.prototype), new Bare() instanceof Bare);
const mixin = (B) => class extends B { mixed() { return 'mixed'; } };
class Mixed extends mixin(Point) {}
console.log(new Mixed(1, 1).mixed(), new Mixed(1, 1).norm());

// A static field does not disturb the module's own variables.
class Counts { static zero = 0; static [`k${n}`] = 'computed'; }
console.log(typeof exports, typeof require, Counts.zero, Counts.k3);
