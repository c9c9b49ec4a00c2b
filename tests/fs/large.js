// readFile of files of 64 KiB and more goes straight into the Buffer it returns (two
// steps on the pool): every byte arrives, in every form; with an encoding, a string.
const fs = require('fs');
const { dir } = require('./lib/tmp.js');
const sizes = [65535, 65536, 65537, 300001];
const expect = (n) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + (i >> 8)) & 255;
  return b;
};
for (const n of sizes) fs.writeFileSync(`${dir}/f${n}`, expect(n));
const check = (how, n, b) => console.log(how, n, Buffer.isBuffer(b), b.length, b.equals(expect(n)), b.byteOffset, b.buffer.byteLength === b.length);
for (const n of sizes) check('sync', n, fs.readFileSync(`${dir}/f${n}`));
console.log(fs.readFileSync(`${dir}/f300001`, 'latin1').length, fs.readFileSync(`${dir}/f300001`, 'hex').slice(0, 20));
let chain = Promise.resolve();
for (const n of sizes) {
  chain = chain.then(() => new Promise((resolve) => fs.readFile(`${dir}/f${n}`, (err, b) => resolve(check('callback', n, b)))));
  chain = chain.then(() => fs.promises.readFile(`${dir}/f${n}`).then((b) => check('promise', n, b)));
}
chain.then(() => fs.readFile(`${dir}/f65536`, 'base64', (err, s) => {
  console.log(err, s.length, s.slice(0, 12));
  fs.readFile(dir, (err2) => console.log(err2.code, err2.syscall));
}));
