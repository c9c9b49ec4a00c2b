// The inline caches' deep entries (a read found past the prototype, or nowhere) and the
// named caches of C code: every change up the chain after a read was cached shows in the
// next read (adds, shadowing, deletes, accessors, setPrototypeOf, proxies, string and
// array receivers, a prototype large enough to be a dictionary).
class A { m() { return 'A.m'; } }
class B extends A {}
class C extends B {}
const c = new C();
const read = (o) => [o.m && o.m(), o.x, o.y];
const log = [];
for (let i = 0; i < 3; i++) log.push(read(c).join());
A.prototype.x = 1; log.push(read(c).join());
B.prototype.x = 2; log.push(read(c).join());
delete B.prototype.x; log.push(read(c).join());
A.prototype.x = 3; log.push(read(c).join());
Object.defineProperty(A.prototype, 'y', { get() { return 'getter'; }, configurable: true }); log.push(read(c).join());
Object.setPrototypeOf(B.prototype, { m() { return 'new'; }, x: 9 }); log.push(read(c).join());
Object.prototype.y = 'op'; log.push(read({}).join(), read(c).join());
delete Object.prototype.y; log.push(read({}).join());
const arr = []; const f = (a) => a.foo; log.push(f(arr)); Array.prototype.foo = 'af'; log.push(f(arr)); Object.prototype.foo = 'of'; delete Array.prototype.foo; log.push(f(arr));
const p = Object.create(new Proxy({}, { get: (t, k) => 'proxy:' + String(k) })); const g = (o) => o.zz; log.push(g(p), g(p));
const s = new String('ab'); const h = (o) => o.foo; log.push(h(s));
const big = {}; for (let i = 0; i < 100; i++) big['k' + i] = i; const child = Object.create(Object.create(big)); const q = (o) => o.k5; log.push(q(child)); big.k5 = 'changed'; log.push(q(child)); delete big.k5; log.push(q(child));
for (let i = 0; i < 3; i++) { A.prototype.x = i; log.push(read(c)[1]); }
console.log(log.join('\n'));
