// package.json "imports" (#name) and self-reference, from a module inside the package.
const r = require('./project/lib/imports');
for (const [name, value] of r.results) console.log(name, String(value).replaceAll(__dirname, '<dir>'));
console.log(r.self.map((s) => (typeof s === 'string' ? s.replaceAll(__dirname, '<dir>') : s)));
try { require('#util'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
const p = require('./project');
console.log(p.self(), p.selfLib());
