// No descriptor is left open by a failing call, in any form; and a process that exits
// from a write's callback has everything the callback reported on disk.
const fs = require('fs');
const { dir } = require('./lib/tmp.js');
const open = () => fs.readdirSync('/proc/self/fd').length;
let before = open();
fs.writeFileSync(`${dir}/f`, 'data');
fs.mkdirSync(`${dir}/d`);
const attempts = [
  () => fs.readFileSync(`${dir}/d`, { flag: 'r' }),
  () => fs.readFileSync(`${dir}/d`),
  () => fs.writeFileSync(`${dir}/d`, 'x'),
  () => fs.copyFileSync(`${dir}/f`, `${dir}/d`),
  () => fs.copyFileSync(`${dir}/d`, `${dir}/g`),
  () => fs.truncateSync(`${dir}/d`),
  () => fs.opendirSync(`${dir}/f`),
  () => fs.readdirSync(`${dir}/f`),
  () => fs.writeFileSync(`${dir}/f`, 'x', { flag: 'r' }),
];
for (const f of attempts) try { f(); } catch (e) { console.log(e.code, e.syscall); }
console.log('sync leaked', open() - before);
let pending = 0;
const async = () => {
  before = open(); // the thread pool's own descriptors are there now
  pending = 4;
  fs.readFile(`${dir}/d`, { flag: 'r' }, cb);
  fs.writeFile(`${dir}/d`, 'x', cb);
  fs.copyFile(`${dir}/d`, `${dir}/g`, cb);
  fs.promises.readFile(`${dir}/d`).catch(cb);
};
const cb = (e) => {
  console.log('cb', e && e.code);
  if (--pending === 0) {
    console.log('async leaked', open() - before);
    const big = Buffer.alloc(1 << 20, 'z');
    fs.writeFile(`${dir}/last`, big, (err) => {
      const written = fs.statSync(`${dir}/last`).size;
      console.log('written before exit', err, written);
      process.exit(0);
    });
  }
};
fs.stat(dir, async);
