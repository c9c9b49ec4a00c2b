// Pseudo-random inputs (a fixed seed) built of the pieces URLs break on: each parsed by
// the WHATWG parser against a base and by url.parse (then url.format), as node does.
let seed = 12345;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
const pieces = ['http:', 'https:', 'file:', 'foo:', 'mailto:', '//', '/', '\\', '?', '#', '@', ':', '.', '..', 'a', 'B', '%2e', '%41', '%zz', '[', ']', '::1', '1.2.3.4', '0x10', '80', ' ', '\t', 'é', '日', 'xn--', '-', '_', '=', '&', '+', ';', "'", '"', '<', '^', '|', '`', '{', '~', '!', '$'];
const url = require('url');
for (let i = 0; i < 1500; i++) {
  let s = '';
  const n = 1 + rand(8);
  for (let j = 0; j < n; j++) s += pieces[rand(pieces.length)];
  let a, b;
  try { const u = new URL(s, 'http://base.com/x/y?q#f'); a = [u.href, u.origin, u.host, u.pathname, u.search, u.hash]; } catch (e) { a = e.code; }
  try { const p = url.parse(s, true, rand(2) === 1); b = [p.href, p.host, p.pathname, p.path, p.auth, p.hash, p.search, JSON.stringify(p.query), url.format(p)]; } catch (e) { b = e.code; }
  console.log(JSON.stringify(s), JSON.stringify(a), JSON.stringify(b));
}
