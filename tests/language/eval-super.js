// Direct eval in a method sees its super (super.x, super[k]), through arrows and nested
// evals; in a class field initializer or static block, eval code may not name arguments.
class A { get x() { return 'A.x of ' + this.name; } }
class B extends A {
  name = 'b';
  f = eval('super.x');
  m() { return eval('super.x'); }
  n() { return (() => eval('super["x"]'))(); }
  o() { return eval('eval("super.x")'); }
  static s() { return eval('typeof super.constructor'); }
}
const b = new B();
console.log(b.f, b.m(), b.n(), b.o(), B.s());
const obj = { __proto__: { y: 1 }, m() { return eval('super.y'); } };
console.log(obj.m());
try { (function () { eval('super.x'); })(); } catch (e) { console.log(String(e)); }
try { eval('super.x'); } catch (e) { console.log(String(e)); }
class C extends A { constructor() { super(); this.v = eval('super.x'); } get name() { return 'c'; } }
console.log(new C().v);
try { class C { x = eval('arguments'); } new C(); console.log('no error'); } catch (e) { console.log(String(e)); }
try { class C { x = () => eval('arguments'); } new C().x(); console.log('no error'); } catch (e) { console.log(String(e)); }
try { class C { x = eval('() => arguments'); } new C(); console.log('no error'); } catch (e) { console.log(String(e)); }
try { class C { x = eval('(function () { return arguments.length })()'); } console.log(new C().x); } catch (e) { console.log(String(e)); }
try { class C { static { eval('arguments') } } } catch (e) { console.log(String(e)); }
