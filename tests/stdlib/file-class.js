// File, a Blob with a name and a modification time: the global, require('buffer').File
// (and Blob), inspect, node's errors.
const { Blob: B, File: F } = require('buffer');
console.log(B === Blob, F === File, typeof File);
const f = new File(['ab', new Uint8Array([99])], 'a.txt', { type: 'Text/Plain', lastModified: 5 });
console.log(f, f.name, f.size, f.type, f.lastModified, f instanceof Blob, Object.prototype.toString.call(f));
const g = new File([], 'x');
console.log(typeof g.lastModified, Math.abs(g.lastModified - Date.now()) < 5000, g.name, g.size);
f.text().then((t) => console.log('text', t));
console.log(f.slice(1) instanceof File, f.slice(1).size);
for (const args of [[], [['a']], [5, 'n']]) {
  try { new File(...args); console.log('made'); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(new File(['x'], 7).name, new File(['x'], 'n', { lastModified: '12' }).lastModified);
