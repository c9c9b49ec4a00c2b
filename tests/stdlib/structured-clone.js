// structuredClone: plain data, collections, buffers, errors, cycles; DataCloneError for the rest
const show = (v) => { try { const c = structuredClone(v); console.log(c); return c; } catch (e) { console.log(e.name, e.code, e.message, e instanceof Error, Object.prototype.toString.call(e)); } };
show(1); show('s'); show(null); show(undefined); show(-0);
show({ a: 1, b: [1, , 3], c: { d: new Date(0) } });
show(new Map([[1, { x: 1 }]])); show(new Set([1, 'a']));
show(/ab+c/gi);
const r = /x/g; r.lastIndex = 3; console.log(structuredClone(r).lastIndex);
const e = new TypeError('bad', { cause: 'c' }); e.extra = 1; const ec = structuredClone(e); console.log(ec.message, ec.cause, ec.extra, ec.stack === e.stack, Object.getOwnPropertyNames(ec), ec instanceof TypeError);
class Foo { constructor() { this.x = 1; } } show(new Foo());
const o = { n: 1 }; o.self = o; const oc = show(o); console.log(oc.self === oc);
const shared = { s: 1 }; const sc = structuredClone([shared, shared]); console.log(sc[0] === sc[1]);
const buf = new ArrayBuffer(4); const u = new Uint8Array(buf, 1, 2); u[0] = 7; show(u); show(buf); show(new DataView(buf));
const pair = structuredClone({ u, buf }); console.log(pair.u.buffer === pair.buf);
show(new Number(3)); show(new String('x')); show(Object(true));
show(function f() {}); show(() => 1); show(Symbol('s')); show({ f() {} }); show(new WeakMap()); show(Promise.resolve()); show({ s: Symbol('q') });
show({ [Symbol('k')]: 1, get g() { return 5; } });
show(Object.create(null));
show(new Proxy({}, {}));
show(); 
try { structuredClone(); } catch (e) { console.log(e.name, e.code, e.message); }
try { structuredClone(() => 1); } catch (e) { console.log(require('util').types.isNativeError(e), e instanceof Error, String(e)); }
