// Member access, calls and new: the chain of . [] () and templates, `new X` without
// arguments, new.target, optional chaining (each ?. link is marked optional), spread
// arguments, tagged templates, and super in a method.
console.log(a.b.c[d](e)(f));
let p = new Point(1, 2), q = new Date, r = new new Factory()();
let o1 = a?.b.c, o2 = a?.[k], o3 = a.b?.(x), o4 = (a?.b).c;
f(...args, last, ...more);
html`<p>${name}</p>`;
function Ctor() { if (!new.target) return new Ctor(); }
const obj = { m() { return super.m(); } };
a.if.class.new;
