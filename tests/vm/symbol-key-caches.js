// Symbol keys in o[k] reads and writes go through the named caches (interp_get_named,
// interp_set_named): a proxy still hears its traps, a frozen object still refuses (silently
// in sloppy code, with a TypeError in strict code), a prototype's value is still seen.
const k = Symbol('k');
const P = { [k]: 'proto' };
function g(o) { return o[k]; }
const plain = Object.create(P);
const prox = new Proxy(Object.create(P), { get(t, key) { return key === k ? 'trap' : undefined; } });
console.log(g(plain), g(prox), g(plain), g(prox));
function s(o, v) { o[k] = v; return o[k]; }
const prox2 = new Proxy({}, { set(t, key, v) { t[key] = 'set:' + v; return true; } });
console.log(s({}, 1), s({}, 2), s(prox2, 3), s(prox2, 4));
const frozen = Object.freeze({ [k]: 1 });
function sl(o) { o[k] = 9; return o[k]; }
console.log(sl({ [k]: 1 }), sl(frozen));
function st(o) { 'use strict'; try { o[k] = 9; } catch (e) { return e.constructor.name; } return o[k]; }
console.log(st({ [k]: 1 }), st(frozen));
const ta = new Uint8Array(2); function tl(o){ return o[k]; } console.log(tl({}), tl(ta));
// A write that shadows a prototype's key, then a change on the prototype seen by a reader.
const P2 = { [k]: 1 };
const kids = [Object.create(P2), Object.create(P2)];
function rd(o) { return o[k]; }
console.log(kids.map(rd));
kids[0][k] = 2;
P2[k] = 3;
console.log(kids.map(rd));
Object.defineProperty(P2, k, { set(v) { this.seen = v; } });
const kid = Object.create(P2);
function wr(o, v) { o[k] = v; return [Object.getOwnPropertySymbols(o).length, o.seen]; }
console.log(wr(Object.create({}), 5), wr(kid, 6));
