// A direct eval inside with sees the object too: its code is compiled with the caller's with
// statements among the names it looks through.
var x = 'global x';
var o = { x: 'o.x', f() { return this === o; } };
with (o) {
  console.log(eval('x'), eval('f()'), eval('typeof x'), eval('typeof nope'));
  eval('x = "set through with"');
  eval('var v = 1');
  let inner = 'inner';
  console.log(eval('inner'), eval('(() => x)()'), eval('eval("x")'));
}
console.log(o.x, typeof v, v, x);
function g(a) {
  var local = 'local';
  with ({ a: 'from with', local2: 2 }) {
    with ({ local: 'shadow' }) {
      return eval('[a, local, local2, typeof arguments]');
    }
  }
}
console.log(g('param'));
var e = { eval: function (s) { return 'not direct: ' + s + ' ' + (this === e); } };
with (e) console.log(eval('1 + 1'));
with ({}) { eval('function declared() { return 42; }'); }
console.log(typeof declared, declared());
with ({ y: 1 }) { eval('var y = 5'); }
console.log(typeof y, y);
