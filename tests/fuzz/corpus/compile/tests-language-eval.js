console.log(eval("1+2"), (0, eval)("var gx = 5; gx * 2"), typeof gx, globalThis.gx);
function f(a) { var b = 2; let c = 3; return eval("a + b + c"); }
console.log(f(1));
function g(a) { eval("a = 10; var b = 7"); return [a, typeof b]; }
console.log(g(1));
function h() { return eval("this"); }
console.log(h.call(42) == 42, h.call(undefined) === globalThis);
function k() { return eval("arguments.length"); }
console.log(k(1, 2, 3));
function nt() { return eval("new.target"); }
console.log(new nt() !== undefined, nt());
function inner() { let x = 1; return eval("(function(){ return x++ })")() + x; }
console.log(inner());
try { eval("let q = 1; q = ;"); } catch (e) { console.log(e.name, e.message); }
try { function t() { let z; eval("var z"); } t(); } catch (e) { console.log(e.name, e.message); }
console.log(eval("let lz = 4; lz"), typeof lz);
console.log(eval(5), eval(), eval({a: 1}));
"use strict";
function st() { "use strict"; eval("var sv = 1"); return typeof sv; }
console.log(st());
function nested(){ var x = 1; return eval("eval('x + 1')"); }
console.log(nested());
var ind = eval; function ii(){ var loc = 1; try { return ind("loc"); } catch (e) { return e.message; } }
console.log(ii());
console.log(eval("if (true) { 3 } else { 4 }"), eval("for (var i = 0; i < 2; i++) i;"));
var x = "global"; globalThis.x = x;
function v_a() { eval("var x = 'local'"); return x; }
console.log(v_a(), x);
function v_b() { eval("var y = 1; function fy() { return y; }"); y++; return [y, fy(), typeof fy]; }
console.log(v_b());
function v_c() { var out = 'o'; return (function () { eval("var out = 'in'"); return out; })() + out; }
console.log(v_c());
function v_d() { eval("var z = 1"); return function () { return z; }; }
console.log(v_d()());
function v_e() { eval("var w = 1"); { let w = 2; return w; } }
console.log(v_e());
function v_f() { var r = eval("var q = 5; q * 2"); return [r, q]; }
console.log(v_f());
function v_g() { 'use strict'; eval("var s = 1"); return typeof s; }
console.log(v_g());
function v_h() { eval("'use strict'; var s2 = 1"); return typeof s2; }
console.log(v_h());
function v_i() { eval("var k = 1"); eval("k += 10"); return k; }
console.log(v_i());
function v_j() { eval("var n = 1"); return eval("n + 1"); }
console.log(v_j());
function v_l() { eval("var m = 1"); return delete m; }
console.log(v_l());
function v_fz() { eval("function x() { return 'fx' }"); return x(); }
console.log(v_fz(), x);
(0, eval)("var gv = 1; function gf() {}");
console.log(Object.getOwnPropertyDescriptor(globalThis, 'gv'), delete globalThis.gv, typeof gv);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'gf').configurable);
(0, eval)("var gv2 = 1; var gv2;"); console.log(gv2);
