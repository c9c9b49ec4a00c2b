// The *Sync forms of the common calls: files in each encoding, flags, directories,
// names, links, permissions and times, descriptors.
const fs = require('fs');
const { dir, show } = require('./lib/tmp.js');
const f = `${dir}/a.txt`;

fs.writeFileSync(f, 'héllo wörld');
for (const enc of ['utf8', 'utf-8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex', 'binary', 'ucs2'])
  console.log(enc, JSON.stringify(fs.readFileSync(f, enc)), JSON.stringify(fs.readFileSync(f, { encoding: enc, flag: 'r' })));
console.log(fs.readFileSync(f));
fs.writeFileSync(f, 'aGVsbG8=', 'base64');
fs.appendFileSync(f, Buffer.from(' there'));
fs.appendFileSync(f, '21', { encoding: 'hex' });
console.log(fs.readFileSync(f, 'utf8'));
fs.writeFileSync(f, new Uint16Array([0x6968]));
console.log(fs.readFileSync(f, 'latin1'));
fs.writeFileSync(f, 'abc', { flag: 'a' });
console.log(fs.readFileSync(f, 'utf8'));
try { fs.writeFileSync(f, 'x', { flag: 'wx' }); } catch (e) { console.log(show(e.message)); }
fs.writeFileSync(`${dir}/m`, 'mode', { mode: 0o600 });
console.log((fs.statSync(`${dir}/m`).mode & 0o777).toString(8));

// stat and its methods
const st = fs.statSync(f);
console.log(st instanceof fs.Stats, st.size, st.isFile(), st.isDirectory(), st.isSymbolicLink(),
  st.isFIFO(), st.isSocket(), st.isBlockDevice(), st.isCharacterDevice());
console.log(st.atime instanceof Date, typeof st.mtimeMs, st.mtime.getTime() === Math.round(st.mtimeMs), st.nlink);
console.log(fs.statSync(dir).isDirectory(), fs.statSync('/dev/null').isCharacterDevice());
const fd0 = fs.openSync(f, 'r');
console.log(fs.fstatSync(fd0).size, fs.fstatSync(fd0).ino === st.ino);
fs.closeSync(fd0);

// directories
console.log(fs.mkdirSync(`${dir}/d`), show(fs.mkdirSync(`${dir}/d/e/f/g`, { recursive: true })));
console.log(fs.mkdirSync(`${dir}/d/e`, { recursive: true }));
fs.writeFileSync(`${dir}/d/z.txt`, '');
fs.writeFileSync(`${dir}/d/b.txt`, '');
console.log(fs.readdirSync(`${dir}/d`), fs.readdirSync(`${dir}/d`, 'buffer'));
console.log(fs.readdirSync(`${dir}/d`, { recursive: true }));
console.log(fs.readdirSync(`${dir}/d`, { withFileTypes: true }).map((e) => [e.name, e.isFile(), e.isDirectory(), show(e.path)]));
fs.rmdirSync(`${dir}/d/e/f/g`);
fs.rmSync(`${dir}/d`, { recursive: true });
fs.rmSync(`${dir}/nothing`, { force: true });
console.log(fs.existsSync(`${dir}/d`), fs.existsSync(f), fs.existsSync(), fs.existsSync(5));
const t = fs.mkdtempSync(`${dir}/tmp-`);
console.log(show(t).length, show(t).slice(0, 10), fs.statSync(t).isDirectory());

// names and links
fs.renameSync(f, `${dir}/b.txt`);
fs.copyFileSync(`${dir}/b.txt`, `${dir}/c.txt`);
try { fs.copyFileSync(`${dir}/b.txt`, `${dir}/c.txt`, fs.constants.COPYFILE_EXCL); } catch (e) { console.log(show(e.message), e.code); }
fs.symlinkSync('b.txt', `${dir}/link`);
fs.linkSync(`${dir}/b.txt`, `${dir}/hard`);
console.log(fs.readlinkSync(`${dir}/link`), fs.lstatSync(`${dir}/link`).isSymbolicLink(), fs.statSync(`${dir}/link`).isFile());
console.log(show(fs.realpathSync(`${dir}/link`)), show(fs.realpathSync.native(`${dir}/link`)), fs.statSync(`${dir}/hard`).nlink);
fs.unlinkSync(`${dir}/hard`);
console.log(fs.readdirSync(dir).filter((n) => !n.startsWith("tmp-")));

// access, permissions, times
fs.accessSync(`${dir}/b.txt`);
fs.accessSync(`${dir}/b.txt`, fs.constants.R_OK | fs.constants.W_OK);
fs.chmodSync(`${dir}/c.txt`, 0o640);
console.log((fs.statSync(`${dir}/c.txt`).mode & 0o777).toString(8));
fs.chmodSync(`${dir}/c.txt`, '755');
console.log((fs.statSync(`${dir}/c.txt`).mode & 0o777).toString(8));
fs.utimesSync(`${dir}/c.txt`, 1000000000, new Date('2020-01-02T03:04:05.678Z'));
const ct = fs.statSync(`${dir}/c.txt`);
console.log(ct.atimeMs, ct.atime, ct.mtimeMs, ct.mtime);
fs.lutimesSync(`${dir}/link`, 5, 6);
console.log(fs.lstatSync(`${dir}/link`).mtimeMs, fs.statSync(`${dir}/link`).mtimeMs === fs.statSync(`${dir}/b.txt`).mtimeMs);
const u = fs.statSync(`${dir}/c.txt`);
fs.chownSync(`${dir}/c.txt`, u.uid, u.gid);
fs.lchownSync(`${dir}/link`, u.uid, u.gid);

// descriptors
const fd = fs.openSync(`${dir}/io`, 'w+');
console.log(fs.writeSync(fd, 'hello '), fs.writeSync(fd, Buffer.from('xxworldxx'), 2, 5), fs.writeSync(fd, '!', 11, 'utf8'));
console.log(fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 12));
const buf = Buffer.alloc(16);
console.log(fs.readSync(fd, buf, 0, 16, 0), buf.toString());
const b1 = Buffer.alloc(3), b2 = Buffer.alloc(4);
console.log(fs.readvSync(fd, [b1, b2], 6), b1.toString(), b2.toString());
console.log(fs.readSync(fd, buf, { position: 1, length: 2 }), buf.toString('utf8', 0, 2));
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.ftruncateSync(fd, 5);
fs.fchmodSync(fd, 0o600);
fs.futimesSync(fd, 1, 2);
console.log(fs.fstatSync(fd).size, fs.fstatSync(fd).mtimeMs, fs.readFileSync(fd, 'utf8'));
fs.closeSync(fd);
fs.truncateSync(`${dir}/io`, 2);
fs.truncateSync(`${dir}/b.txt`);
console.log(fs.readFileSync(`${dir}/io`, 'utf8'), fs.readFileSync(`${dir}/b.txt`, 'utf8') === '');
const afd = fs.openSync(`${dir}/io`, 'a');
fs.writeFileSync(afd, 'XY');
fs.appendFileSync(afd, 'Z');
fs.closeSync(afd);
console.log(fs.readFileSync(`${dir}/io`, { encoding: 'utf8', flag: 'r+' }));
console.log(Object.keys(fs.constants).length > 40, fs.constants.O_CREAT, fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);
