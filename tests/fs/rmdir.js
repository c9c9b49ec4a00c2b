// rmdir with recursive (deprecated, DEP0147: node warns once, on stderr): a tree goes
// whole; a file or a link is left to rmdir itself, whose error is the one reported; a
// missing path fails in lstat (the callback and sync forms) or stat (the promise form).
// Its options are checked as node checks them.
const fs = require('fs');
const { dir, show } = require('./lib/tmp.js');
fs.mkdirSync(`${dir}/tree/a/b`, { recursive: true });
fs.writeFileSync(`${dir}/tree/a/f`, 'x');
fs.writeFileSync(`${dir}/file`, 'x');
fs.symlinkSync('tree', `${dir}/link`);
const report = (e) => console.log(e ? `${e.code} ${show(e.message)}` : 'no error');
const sync = (f) => { try { f(); report(); } catch (e) { report(e); } };

sync(() => fs.rmdirSync(`${dir}/file`, { recursive: true }));
sync(() => fs.rmdirSync(`${dir}/link`, { recursive: true }));
sync(() => fs.rmdirSync(`${dir}/missing`, { recursive: true }));
sync(() => fs.rmdirSync(`${dir}/tree`, { recursive: 'yes' }));
sync(() => fs.rmdirSync(`${dir}/tree`, { recursive: true, retryDelay: -1 }));
sync(() => fs.rmdirSync(`${dir}/tree`, null));
sync(() => fs.rmdirSync(`${dir}/tree`, { recursive: true }));
console.log(fs.existsSync(`${dir}/tree`), fs.existsSync(`${dir}/link`));
fs.rmdir(`${dir}/missing`, { recursive: true }, (e) => {
  report(e);
  fs.promises.rmdir(`${dir}/missing`, { recursive: true }).catch(report);
});
