// Chains of 100,000 proxies: a property read recurses through them and meets the C-stack
// guard (node's RangeError), a call and `new` without traps unwrap them in a loop.
function show(name, f) {
  let r;
  try { r = f(); } catch (e) { r = e.constructor.name + ': ' + e.message; }
  console.log(name, r);
}
show('deep chain', () => { let q = {}; for (let i = 0; i < 100000; i++) q = new Proxy(q, {}); return q.x; });
show('deep call', () => { let q = () => 'called'; for (let i = 0; i < 100000; i++) q = new Proxy(q, {}); return q(); });
show('deep keys', () => { let q = { k: 1 }; for (let i = 0; i < 100000; i++) q = new Proxy(q, {}); return Object.keys(q); });
