// V8's async stack frames: the chain of awaiting async functions, named as their frames
// would be (K.m, K.s, an anonymous arrow by its place); node's own frames left out.
const show = (e) => console.log(e.stack.split('\n').filter((l) => !l.includes('node:internal')).join('\n'));
async function f() { await null; throw new Error('x'); }
class K { async m() { await f(); } static async s() { await new K().m(); } }
(async () => { try { await K.s(); } catch (e) { show(e); } })();
async function a1() { await null; await b1(); }
async function b1() { throw new Error('thrown before any await'); }
a1().catch(show);
async function c1() { return f(); }
async function d1() { await c1(); }
d1().catch(show);
class Q { static s() { throw new Error('static'); } }
try { Q.s(); } catch (e) { show(e); }
