// V8's messages for misused classes and super.
const attempt = (f) => {
  try { f(); console.log('no error'); } catch (e) { console.log(`${e.name}: ${e.message}`); }
};
attempt(() => { class A extends 42 {} });
attempt(() => { class A extends {} {} });
attempt(() => { class A extends Object.create(null) {} });
attempt(() => { class A extends undefined {} });
attempt(() => { function F() {} F.prototype = 3; class A extends F {} });
attempt(() => { const arrow = () => {}; class A extends arrow {} });
attempt(() => { class A extends null {} new A(); });
attempt(() => { class A extends Object { constructor() { super(); } } Object.setPrototypeOf(A, Math.max); new A(); });
attempt(() => { class A {} A(); });
attempt(() => { (class {})(); });
attempt(() => { class A extends Object { constructor() { this.x = 1; } } new A(); });
attempt(() => { class A extends Object { constructor() {} } new A(); });
attempt(() => { class A extends Object { constructor() { super(); super(); } } new A(); });
attempt(() => { class A extends Object { constructor() { return 1; } } new A(); });
attempt(() => { class A extends Object { constructor() { (() => this)(); } } new A(); });
attempt(() => { class A { m() { delete super.x; } } new A().m(); });
attempt(() => { class A { m() { return super.x(); } } new A().m(); });
attempt(() => { class A { static m() { super.x = 1; } } Object.setPrototypeOf(A, null); A.m(); });
attempt(() => { class A { m() { return super.x; } } Object.setPrototypeOf(A.prototype, null); new A().m(); });
attempt(() => { class A { static ['prototype']() {} } });
attempt(() => { class A { static ['prototype'] = 1; } });
attempt(() => { class A { static x = 1; static { throw new Error('from a static block'); } } });
attempt(() => { class C extends C {} });
attempt(() => { new D(); class D {} });
// A base class may return anything; a primitive is ignored.
class Prim { constructor() { return 1; } }
console.log(new Prim());
