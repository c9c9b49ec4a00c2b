// SET_PROP's add cache (vm/interp.c): `o.x = v` on objects of one shape adds x the same
// way each time, until something on the prototype chain changes what the add means.
'use strict';
function make(proto, key, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const o = Object.create(proto);
    try {
      o[key] = i; // computed: SET_ELEM, not cached
    } catch (e) {
      out.push(e.constructor.name);
    }
    out.push(Object.keys(o).join());
  }
  return out.join(' ');
}

function Point(x, y) {
  this.x = x;
  this.y = y;
}
const base = {};
Object.setPrototypeOf(Point.prototype, base);
const seen = [];
for (let round = 0; round < 6; round++) {
  for (let i = 0; i < 3; i++) {
    try {
      const p = new Point(round, i);
      seen.push(JSON.stringify(p));
    } catch (e) {
      seen.push(e.message);
    }
  }
  if (round === 0) Object.defineProperty(base, 'y', { set(v) { seen.push(`setter ${v}`); }, configurable: true });
  if (round === 1) delete base.y;
  if (round === 2) Object.defineProperty(Object.prototype, 'x', { value: 1, writable: false, configurable: true });
  if (round === 3) delete Object.prototype.x;
  if (round === 4) Object.setPrototypeOf(base, { set x(v) { seen.push(`deep setter ${v}`); } });
}
console.log(seen.join('\n'));

// The same site for an array and a plain object: an array's length is not an add.
function setLength(o, n) {
  o.length = n;
  return o;
}
console.log(setLength({}, 2), setLength({}, 3), setLength([1, 2, 3, 4], 1), setLength({}, 5));

// Frozen, sealed and non-extensible receivers, and a null prototype.
function tag(o) {
  try {
    o.tag = 1;
  } catch (e) {
    return e.constructor.name;
  }
  return Object.keys(o).join();
}
console.log(tag({}), tag({}), tag(Object.freeze({})), tag(Object.preventExtensions({})), tag({}),
  tag(Object.create(null)), tag(Object.create(null)));

// A setter that defines the property itself, then a proxy on the chain.
const definer = { set z(v) { Object.defineProperty(this, 'z', { value: v * 10, writable: true, enumerable: true, configurable: true }); } };
function fill(proto) {
  const o = Object.create(proto);
  o.z = 1;
  return o.z;
}
console.log(fill(definer), fill(definer), fill(definer));
const trap = new Proxy({}, { set(t, k, v, r) { console.log('proxy set', k, v); return true; } });
console.log(fill({}), fill({}), fill(trap), fill({}));
console.log(make({}, 'k', 2), make(Object.freeze({ k: 0 }), 'k', 2));

// Class fields and constructors several levels deep, then a setter on the base.
class A { constructor() { this.a = 1; } }
class B extends A { constructor() { super(); this.b = 2; } }
class C extends B { constructor() { super(); this.c = 3; } }
const made = [];
for (let i = 0; i < 3; i++) made.push(JSON.stringify(new C()));
Object.defineProperty(A.prototype, 'c', { set(v) { made.push(`A's setter for c: ${v}`); }, configurable: true });
for (let i = 0; i < 2; i++) made.push(JSON.stringify(new C()));
console.log(made.join('\n'));
