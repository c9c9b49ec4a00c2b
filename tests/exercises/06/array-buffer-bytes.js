// Graded exercise 7 of chapter 6: the bytes that array buffers own outside the heap,
// counted apart, and reported as process.memoryUsage()'s arrayBuffers (and external,
// which includes them). The test checks growth, not values. The expectation is node
// 20's: `node tests/exercises/06/array-buffer-bytes.js`.
const MB = 1024 * 1024;
const base = process.memoryUsage();
console.log(Object.keys(base), typeof base.arrayBuffers, base.external >= base.arrayBuffers);
function grew(label, before, bytes) {
  const now = process.memoryUsage();
  console.log(label, now.arrayBuffers - before.arrayBuffers >= bytes, now.external - before.external >= bytes,
              now.external >= now.arrayBuffers);
  return now;
}
const kept = [new ArrayBuffer(10 * MB)];
let m = grew('ArrayBuffer', base, 10 * MB);
kept.push(new Float64Array(MB)); // 8 MB
m = grew('Float64Array', m, 8 * MB);
kept.push(Buffer.alloc(3 * MB));
m = grew('Buffer.alloc', m, 3 * MB);
// (Resizable buffers are left out: node 20's V8 reserves their memory apart and does not
// count them here.)
// Views share their buffer's bytes: a view adds (next to) nothing.
const before = process.memoryUsage().arrayBuffers;
const views = [];
for (let i = 0; i < 100; i++) views.push(new Uint8Array(kept[0]));
console.log('views', process.memoryUsage().arrayBuffers - before < MB, views.length);
