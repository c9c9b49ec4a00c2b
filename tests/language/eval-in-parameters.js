// A sloppy direct eval in a parameter expression may not declare a var named like a
// parameter; other vars it declares are seen by later parameters.
function f(a = eval("var a = 42")) { }
try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
function g(b = eval("var c = 1"), d = c) { return d; }
console.log(g());
function h(x = eval("var x2 = 1")) { return typeof x2; }
console.log(h());
let x = 1; function k() { eval("var x = 2"); return x; } console.log(k(), x);
function m(a) { eval("var a = 3"); return a; } console.log(m(1));
function n(a, b = 2) { eval("var a = 3"); return a; } console.log(n(1));
function o(a) { return function () { eval("var a = 5"); return a; }; } console.log(o(1)());
