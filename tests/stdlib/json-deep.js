// JSON.stringify of deep structures: a cycle far down is found (with its path), shared
// objects that are no cycle are not, and a getter that nests without end overflows at once.
let root = {}, cur = root, nodes = [];
for (let i = 0; i < 100; i++) { cur.c = { i }; cur = cur.c; nodes.push(cur); }
const shared = { s: 1 };
cur.a = shared; cur.b = [shared, shared, { x: shared }];
console.log(JSON.stringify(root).length);
cur.back = nodes[60];
try { JSON.stringify(root) } catch (e) { console.log(e.message.split('\n').slice(0, 3).join('|')) }
delete cur.back;
const wide = {}; let w = wide; for (let i = 0; i < 50; i++) { w.k = { arr: [w, 1].slice(1), d: {} }; w = w.k; }
console.log(JSON.stringify(wide).length);
const arr = []; let a = arr; for (let i = 0; i < 200; i++) { const n = []; a.push(n, n.length); a = n; }
console.log(JSON.stringify(arr).length);
a.push(arr); try { JSON.stringify(arr) } catch (e) { console.log(e.message.split('\n')[0]) }
function lazy(n) { return { get next() { return lazy(n + 1); }, n }; }
try { JSON.stringify(lazy(0)); } catch (e) { console.log(e.name, e.message); }
