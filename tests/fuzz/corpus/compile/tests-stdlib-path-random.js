// path functions on 400 pseudo-random paths (a fixed seed), against node's answers.
const path = require('path');
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const atoms = ['a', 'bc', '.', '..', '', '.x', 'f.js', '...'];
const out = [];
for (let i = 0; i < 400; i++) {
  let p = rnd(3) === 0 ? '/' : '';
  const k = rnd(5);
  for (let j = 0; j < k; j++) p += atoms[rnd(atoms.length)] + (rnd(4) ? '/' : (rnd(2) ? '//' : ''));
  const q = atoms[rnd(atoms.length)] + (rnd(2) ? '/' : '');
  out.push([p, path.normalize(p || '.'), path.basename(p), path.basename(p, '.js'), path.dirname(p), path.extname(p), path.join(p, q), path.resolve('/r', p, q), path.isAbsolute(p)].join('|'));
}
console.log(out.join('\n'));
