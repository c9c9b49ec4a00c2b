// The language alone: what the engine runs with no standard library (tn-vm). Only
// primitives are printed, so print (the driver's) and console.log agree. The built-in
// methods are the standard library's, so nothing is iterable at this stage (no for-of,
// spread or array patterns) and a generator has no next(); async functions run, their
// promise jobs queued by the driver.
const print = globalThis.print || console.log;

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print('fib', fib(20), 2 ** 10, 7 % 3, -7 >> 1, -7 >>> 28, 0.1 + 0.2, 1 / 3, 1e21, -0 === 0);

function counter() {
  let n = 0;
  return { next: () => ++n, reset() { n = 0; } };
}
const c = counter();
c.next(); c.next();
print('closure', c.next());

let text = '';
for (let i = 0; i < 5; i++) {
  if (i === 1) continue;
  text += `${i}:${i * i} `;
}
outer: for (let a = 1; a <= 3; a++) {
  for (let b = 10; b <= 20; b += 10) {
    if (a === 2) continue outer;
    if (a === 3) break outer;
    text += a + b + ' ';
  }
}
print('loops', text);

switch (typeof text) {
  case 'number': print('switch', 'no'); break;
  case 'string': print('switch', 'string');
  default: print('switch', 'fell through');
}

const { p, q: { r } = { r: 'default' }, ...others } = { p: 'P', s: 1, t: 2 };
function area({ w = 1, h = w } = {}, ...more) { return w * h + more.length; }
print('destructuring', p, r, others.s + others.t, area({ w: 3 }), area(undefined, 0, 0));

class Shape {
  static count = 0;
  #name;
  constructor(name) { this.#name = name; Shape.count++; }
  get name() { return this.#name; }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area()}`; }
}
class Square extends Shape {
  constructor(side) { super('square'); this.side = side; }
  area() { return this.side * this.side; }
  describe() { return 'a ' + super.describe(); }
}
print('classes', new Square(3).describe(), Shape.count, new Square(1) instanceof Shape);

const account = {
  cents: 150,
  get euros() { return this.cents / 100; },
  set euros(v) { this.cents = Math_round(v * 100); },
};
function Math_round(v) { return (v + 0.5) | 0; }
account.euros = 2.5;
function total() {
  let n = 0;
  for (let i = 0; i < arguments.length; i++) n += arguments[i];
  return n;
}
print('accessors', account.cents, account.euros, total(1, 2, 3), typeof total, void 0);

try {
  null.property;
} catch (e) {
  print('caught', e.message);
} finally {
  print('finally');
}
try {
  throw 'a string';
} catch (e) {
  print('thrown', e);
}

const o = { a: { b: null } };
print('optional', o?.a?.b?.c, o.z ?? 'nullish', o.a.b?.());

async function later(label) {
  await null;
  print('async', label);
  return label.length;
}
(async () => print('awaited', await later('first')))();
later('second');
print('sync end');
