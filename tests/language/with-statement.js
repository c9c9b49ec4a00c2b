// with (o): names declared outside the statement are looked up in o first (sloppy code).
// closures, nesting, functions, this, calls
var x = 'global x';
function outer(x) {
  var o = {x: 'o.x', y: 'o.y', m() { return this === o; }};
  with (o) {
    var f = function () { return x + ' ' + y; };
    var g = () => m();
    var inner = {y: 'inner.y'};
    with (inner) {
      var h = function () { return [x, y, typeof z]; };
    }
  }
  o.x = 'changed';
  return [f(), g(), h()];
}
console.log(outer('param x'));
// var inside with assigns to the object when it has the name
var obj = {v: 1};
with (obj) { var v = 2; var w = 3; }
console.log(obj, v, w);
// for-in and destructuring targets
var t = {k: 0, a: 0, b: 0};
with (t) { for (k in {p: 1, q: 2}); [a, b] = [10, 20]; ({a} = {a: 30}); }
console.log(t, typeof k, typeof a);
// update and compound
var n = {c: 1};
with (n) { c++; c += 10; ++c; }
console.log(n);
// typeof and delete
var d = {e: 1};
with (d) { console.log(typeof e, typeof nothing, delete e, delete nothing2, typeof e); }
console.log(d);
// strict function inside with
var fr = Object.freeze({q: 1});
with (fr) { try { (function () { 'use strict'; q = 2; })(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
with (fr) { q = 3; console.log(q); }
// tagged template and optional call
var tt = {tag(s, v) { return this === tt && s[0] + v; }, maybe: null};
with (tt) { console.log(tag`a${1}`, maybe?.(), String(typeof maybe)); }
// arguments and generators
function ga() { with ({arguments: 'shadow'}) { return arguments; } }
console.log(ga(1, 2));
function* gen() { with ({a: 1}) { yield a; yield (() => a)(); } }
console.log([...gen()]);
// class in with
with ({base: 5}) { class K { get v() { return base; } } console.log(new K().v); }
// completion value
console.log(eval('with({}) { 7; }'));
// with over primitives
with (5) console.log(toFixed(2));
with (true) console.log(valueOf());
// unscopables on arrays
var keys = 'outer keys';
with ([1, 2, 3]) console.log(keys, length, indexOf(2));
// function declaration in block inside with (Annex B)
var ab = {fn: 'prop'};
with (ab) { { function fn() { return 1; } } }
console.log(typeof ab.fn, typeof fn);
// label and break inside with
lbl: with ({}) { break lbl; }
for (var i = 0; i < 3; i++) with ({i: 100}) { if (i === 100) break; }
console.log(i);
// The traps a proxy as the object sees, in V8's order (no second has before get or set).
var log = [];
var p = new Proxy({x: 1}, {
  has(t, k) { log.push('has ' + String(k)); return k in t; },
  get(t, k, r) { log.push('get ' + String(k)); return t[k]; },
  set(t, k, v, r) { log.push('set ' + String(k)); t[k] = v; return true; },
});
with (p) { x; }
console.log(log.join(', ')); log = [];
with (p) { x = 5; }
console.log(log.join(', ')); log = [];
with (p) { x += 1; }
console.log(log.join(', ')); log = [];
