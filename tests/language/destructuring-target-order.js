// Destructuring assignment evaluates a member target (its object and key) before it reads
// the value it will store, in object patterns as in array patterns.
const log = [];
const src = { get a() { log.push('get a'); return undefined; }, get b() { log.push('get b'); return 2; } };
const tgt = () => { log.push('target'); return { set x(v) { log.push('set x ' + v); } }; };
const key = () => { log.push('key'); return { toString() { log.push('key str'); return 'x'; } }; };
({ a: tgt()[key()] = (log.push('default'), 1), b: tgt().x } = src);
console.log(log.join(', '));
log.length = 0;
[tgt()[key()], tgt().x = 5] = [7];
console.log(log.join(', '));
class C { #f; static go(o) { const c = new C(); ({ a: c.#f } = { a: 3 }); return c.#f; } }
console.log(C.go());
const t2 = {}; ({ [`k${1}`]: t2.y, ...rest } = { k1: 'v', z: 1 }); console.log(t2, rest);
let x1; ({ x1 = 4 } = {}); console.log(x1);
try { ({ a: null.x } = { get a() { log.push('never'); } }); } catch (e) { console.log(e.message); }
