// path.win32 (and path.posix parse/format) on pseudo-random paths (a fixed seed) built of
// drive letters, separators, dots, device names and colons, each result compared with
// node's. Resolving uses the current directory and its parents: they print as <0>, <1>...
let seed = 4242;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
const pieces = ['\\', '/', 'C:', 'c:', 'a', 'B', '.', '..', '...', '.x', 'x.', '?', ':', 'srv', 'share', '\\\\', '//', 'x.js', ' ', 'CON', '1:', 'nul', 'com1:', 'AUX ', 'PRN', 'c', 'lpt9', 'x:y', '?\\', '.\\'];
const path = require('path');
const fns = ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath'];
const out = [];
const anc = [process.cwd()]; anc.push(path.dirname(anc[0])); anc.push(path.dirname(anc[1])); anc.push(path.dirname(anc[2]));
const clean = (v) => {
  if (typeof v !== 'string') return v;
  anc.forEach((d, i) => {
    if (d.length < 2) return;
    const w = d.replace(/\//g, '\\');
    v = v.split(w).join('<' + i + '>').split(w.slice(1)).join('<' + i + '>');
  });
  return v;
};
// Resolving a relative path depends on how deep the current directory is (".." may
// climb out of it): resolve, relative and toNamespacedPath get relative paths put under
// a share first, so that the output holds anywhere.
const abs = (p) => (path.win32.isAbsolute(p) ? p : `\\\\srv\\sh\\${p}`);
const gen = () => { let s = ''; const n = rand(6); for (let j = 0; j < n; j++) s += pieces[rand(pieces.length)]; return s; };
for (let i = 0; i < 1500; i++) {
  const s = gen(), t = gen();
  const r = fns.map((f) => JSON.stringify(clean(path.win32[f](f === 'toNamespacedPath' ? abs(s) : s))));
  r.push(JSON.stringify(clean(path.win32.join(s, t))), JSON.stringify(clean(path.win32.resolve(abs(s), t))), JSON.stringify(clean(path.win32.relative(abs(s), abs(t)))), JSON.stringify(path.win32.basename(s, t)));
  const p = s.replace(/\\/g, '/');
  r.push(JSON.stringify(path.posix.parse(p)), JSON.stringify(path.posix.format(path.posix.parse(p))));
  console.log(JSON.stringify([s, t]), r.join(' '));
}
