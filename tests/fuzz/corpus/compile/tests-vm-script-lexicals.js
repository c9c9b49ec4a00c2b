// With --script, top-level let/const live in the global lexical record: not on
// globalThis, const cannot be assigned, and they have a TDZ. (Expectation from node
// running the same text through vm.runInThisContext.)
const c = 1;
let l = 2;
var v = 3;
function f() { return c + l + v; }
console.log(f(), typeof globalThis.c, typeof globalThis.l, typeof globalThis.v, typeof globalThis.f);
try { c = 5; } catch (e) { console.log(e.name, e.message); }
l = 7; console.log(l, f());
try { before; } catch (e) { console.log(e.name, e.message); }
let before = 1;
