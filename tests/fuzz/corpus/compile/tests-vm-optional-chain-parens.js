// Parentheses end an optional chain: (a?.b).c reads from undefined, (a?.m)() keeps
// a as this, and V8 calls such a callee an (intermediate value).
const a = null;
const b = { m() { return this === b; }, n: { k() { return 'k'; } } };
try { console.log((a?.b).c); } catch (e) { console.log(e.message); }
try { (a?.b)(); } catch (e) { console.log(e.message); }
console.log((b?.m)(), (b?.n.k)(), b?.m(), b.n?.k(), a?.m(), (b.q?.())?.x);
try { (b.q?.().x)(); } catch (e) { console.log(e.message); }
console.log(a?.b.c.d, a?.[1].x, (a?.b) ?? 'dflt', b?.['n']?.k?.());
