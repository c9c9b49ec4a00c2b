// GET_GLOBAL remembers where a global's value sits (vm/interp.c, global_get_cached):
// each read below comes from the same instruction, warmed up first, while the global
// changes its value, is deleted, becomes an accessor and a value again, and while a
// global function is replaced.
globalThis.g1 = 1;
function readG() { return g1; }
let sum = 0;
for (let i = 0; i < 1000; i++) sum += readG();
console.log(sum, readG());
g1 = 2;
console.log(readG());
globalThis.g1 = 3;
console.log(readG());
delete globalThis.g1;
try { readG(); } catch (e) { console.log(e.name, e.message); }
console.log(typeof g1);
Object.defineProperty(globalThis, 'g1', { get() { return 'getter'; }, configurable: true });
console.log(readG(), readG());
Object.defineProperty(globalThis, 'g1', { value: 'data', configurable: true, writable: true });
console.log(readG());
var v = 'var';
function readV() { return v; }
for (let i = 0; i < 10; i++) readV();
v = 'changed';
console.log(readV());
function useMath() { return Math.max(1, 2); }
for (let i = 0; i < 10; i++) useMath();
const realMath = Math;
globalThis.Math = { max: () => 'replaced' };
console.log(useMath());
globalThis.Math = realMath;
console.log(useMath());
