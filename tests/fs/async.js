// The callback and promise forms (fs.promises, require('fs/promises'), 'node:fs') of the
// common calls, one after the other; FileHandle.
const fs = require('node:fs');
const fsp = require('fs/promises');
const { dir, show } = require('./lib/tmp.js');
console.log(fs.promises === fsp, typeof fsp.readFile, require('fs') === fs);

const step = (name, ...args) => new Promise((resolve) => {
  fs[name](...args, (err, ...results) => {
    console.log(name, err ? show(err.message) : err, ...results.map((r) => (typeof r === 'string' ? show(r) : r)));
    resolve(results[0]);
  });
});

async function callbacks() {
  const f = `${dir}/cb.txt`;
  await step('writeFile', f, 'one');
  await step('appendFile', f, Buffer.from(' two'));
  await step('readFile', f, 'utf8');
  await step('readFile', f);
  await step('readFile', f, { encoding: 'hex', flag: 'r' });
  const st = await new Promise((resolve) => fs.stat(f, (e, s) => resolve(s)));
  console.log(st.isFile(), st.size);
  await step('mkdir', `${dir}/x/y`, { recursive: true });
  await step('readdir', dir);
  await step('rename', f, `${dir}/x/cb2.txt`);
  await step('copyFile', `${dir}/x/cb2.txt`, `${dir}/x/cb3.txt`);
  await step('access', `${dir}/x/cb3.txt`, fs.constants.R_OK);
  await step('exists', `${dir}/x/cb3.txt`).catch(() => {});
  await new Promise((resolve) => fs.exists(`${dir}/nope`, (e) => { console.log('exists', e); resolve(); }));
  await step('realpath', `${dir}/x/../x/cb3.txt`);
  await step('symlink', 'cb3.txt', `${dir}/x/l`);
  await step('readlink', `${dir}/x/l`);
  const fd = await new Promise((resolve) => fs.open(`${dir}/x/cb3.txt`, 'r+', (e, n) => resolve(n)));
  const buf = Buffer.alloc(8);
  await step('read', fd, buf, 0, 8, 0);
  await step('write', fd, 'ONE', 0);
  await step('write', fd, Buffer.from('..'), 0, 2, 3);
  await new Promise((resolve) => fs.fstat(fd, (e, s) => resolve(console.log('fstat', e, s.size))));
  await step('ftruncate', fd, 4);
  await step('fsync', fd);
  await step('close', fd);
  await step('readFile', `${dir}/x/cb3.txt`, 'utf8');
  await step('unlink', `${dir}/x/l`);
  await step('rm', `${dir}/x`, { recursive: true });
  await step('rmdir', `${dir}/nope`);
  await new Promise((resolve) => fs.mkdtemp(`${dir}/t-`, (e, t) => resolve(console.log('mkdtemp', e, show(t).length))));
}

async function promises() {
  const f = `${dir}/p.txt`;
  await fsp.writeFile(f, 'promised', { mode: 0o644 });
  await fsp.appendFile(f, '!');
  console.log(await fsp.readFile(f, 'utf8'), (await fsp.readFile(f)).length, (await fsp.stat(f)).size);
  console.log(await fsp.mkdir(`${dir}/p/q`, { recursive: true }) === `${dir}/p`, await fsp.readdir(`${dir}/p`));
  await fsp.copyFile(f, `${dir}/p/q/c`);
  await fsp.rename(`${dir}/p/q/c`, `${dir}/p/q/d`);
  console.log(await fsp.readdir(`${dir}/p`, { recursive: true }), await fsp.access(f));
  await fsp.rm(`${dir}/p`, { recursive: true });
  await fsp.unlink(f).then(() => fsp.unlink(f)).catch((e) => console.log(show(e.message), e.code, e.syscall));
  await fsp.readFile(`${dir}/none`).catch((e) => console.log(show(e.message)));
  await fsp.realpath(`${dir}/none`).catch((e) => console.log(show(e.message)));
  await fsp.readFile(5.5).catch((e) => console.log(e.code, e.message));

  const h = await fsp.open(`${dir}/h.txt`, 'w+');
  console.log(typeof h.fd, await h.write('handle text'), (await h.stat()).size);
  const r = await h.read(Buffer.alloc(6), 0, 6, 0);
  console.log(r.bytesRead, r.buffer.toString());
  await h.truncate(6);
  await h.writeFile('again');
  await h.sync();
  await h.datasync();
  console.log(await h.readFile('utf8'));
  await h.close();
  await h.stat().catch((e) => console.log(e.message, e.code));
  await h.close();
  const h2 = await fsp.open(`${dir}/h.txt`);
  console.log(await fsp.readFile(h2, 'utf8'));
  await h2.close();

  // writeFile and appendFile of iterables, async iterables and streams; close's callback
  // may be left out
  const it = `${dir}/it.txt`;
  await fsp.writeFile(it, ['a', Buffer.from('b'), '63'], 'hex');
  await fsp.appendFile(it, (async function* () { yield 'd'; yield new Uint8Array([101]); })());
  const h3 = await fsp.open(it, 'a');
  await h3.appendFile(require('stream').Readable.from(['f', 'g']));
  await h3.close();
  console.log(await fsp.readFile(it, 'latin1'), fsp.writeFile.name, fsp.readFile.name);
  await fsp.writeFile(it, [1]).catch((e) => console.log(e.code));
  fs.close(fs.openSync(it));
  console.log(await require('util').promisify(fs.exists)(it));
}

callbacks().then(promises).then(() => console.log('done'));
