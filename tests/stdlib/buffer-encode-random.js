// Differential check of the encoders, write() into short buffers, indexOf/lastIndexOf and atob on 100 pseudo-random strings (a fixed seed): one checksum.
let seed = 2;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pool = ['a', 'Z', '0', '+', '/', '-', '_', '=', ' ', '\n', 'é', '€', '\ud800', '\udc00', '\ud83d', '\ude00', 'ÿ', '\u0100', 'f', 'F', 'g', '$'];
let h = 0;
const add = (b) => { for (const x of b) h = (h * 31 + x) % 1000000007; h = (h * 7 + b.length) % 1000000007; };
for (let n = 0; n < 100; n++) {
  let s = '';
  const len = Math.floor(random() * 12);
  for (let i = 0; i < len; i++) s += pool[Math.floor(random() * pool.length)];
  for (const enc of ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
    add(Buffer.from(s, enc));
    h = (h + Buffer.byteLength(s, enc)) % 1000000007;
    const small = Buffer.alloc(Math.floor(random() * 6));
    h = (h + small.write(s, enc)) % 1000000007;
    add(small);
  }
  const hay = Buffer.from(s);
  const needle = s.slice(Math.floor(random() * 3), Math.floor(random() * 6));
  h = (h + hay.indexOf(needle, Math.floor(random() * 10) - 5) + 7 * hay.lastIndexOf(needle, Math.floor(random() * 10) - 5)) % 1000000007;
  try { add(Buffer.from(atob(s), 'latin1')); } catch (e) { h = (h + e.message.length) % 1000000007; }
}
console.log(h);
