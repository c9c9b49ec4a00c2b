// Direct eval code sees its caller's private names: fields, methods, accessors, static
// members, #x in o, through arrows and nested evals, with V8's messages when the object
// lacks the name (which need the member's kind and its class's name).
class C {
  #x = 1; #m() { return 'm'; } get #g() { return 'g'; } static #s = 's';
  static #sm() { return 'sm'; }
  y = eval('this.#x');
  read() { return eval('[this.#x, this.#m(), this.#g, C.#s, C.#sm(), #x in this]'); }
  write() { eval('this.#x = 5'); return this.#x; }
  arrow() { return (() => eval('this.#x'))(); }
  nested() { return eval('eval("this.#x")'); }
  bad(o) { return eval('o.#x'); }
  badm(o) { return eval('o.#m()'); }
  bads(o) { return eval('o.#sm()'); }
  badw(o) { eval('o.#x = 1'); }
}
const c = new C();
console.log(c.y, c.read(), c.write(), c.arrow(), c.nested());
for (const f of ['bad', 'badm', 'bads', 'badw'])
  try { c[f]({}); } catch (e) { console.log(f, String(e)); }
const D = class { #p = 2; m(o) { return eval('o.#q'); } };
try { new D().m({}); } catch (e) { console.log(String(e)); }
const E = class { #p() {} m(o) { const k = 1; return eval('o.#p()'); } };
try { new E().m({}); } catch (e) { console.log(String(e)); }
class F { #z = 3; m() { return eval('class G { #w = 4; f(o) { return o.#z; } }; new G().f(this)'); } }
console.log(new F().m());
