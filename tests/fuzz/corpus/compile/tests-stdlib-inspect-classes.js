// Classes and their instances: the constructor name becomes a prefix.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Empty {}
class A {}
class B extends A {}
const AnonClass = class {};
console.log(new Point(1, 2), new Empty(), [new Point(3, 4)]);
console.log(A, B, AnonClass, class {});
class Static {
  static s = 1;
}
console.log(Static);
console.log(new AnonClass());
class Tagged {
  get [Symbol.toStringTag]() {
    return 'TagName';
  }
}
console.log(new Tagged());
class Container extends Array {}
const c = new Container();
c.push(1, 2);
console.log(c);
class NoName extends Error {}
const ne = new NoName('m');
ne.stack = 'Error: m\n    at z (z.js:1:1)';
console.log(ne);
class ValidationError extends Error {
  constructor(msg) {
    super(msg);
    this.name = 'ValidationError';
  }
}
const ve = new ValidationError('bad input');
ve.stack = 'ValidationError: bad input\n    at v (v.js:1:1)';
console.log(ve);
console.log({ deep: { deeper: { deepest: new Point(5, 6) } } });
class WithGetter {
  get computed() {
    return 1;
  }
}
console.log(new WithGetter());
