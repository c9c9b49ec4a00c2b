// Node's errors: system errors (message, errno, code, syscall, path, dest) from each
// form, and the argument errors of the checks done before any system call.
const fs = require('fs');
const { dir, show } = require('./lib/tmp.js');
fs.writeFileSync(`${dir}/file`, 'x');
fs.mkdirSync(`${dir}/sub`);
fs.writeFileSync(`${dir}/sub/in`, 'x');

function report(e) {
  const fields = ['errno', 'code', 'syscall', 'path', 'dest'].filter((k) => k in e).map((k) => `${k}=${show(e[k])}`);
  console.log(`${e.name}: ${show(e.message)}`, fields.join(' '), Object.keys(e).join(','));
}
const sync = (f) => { try { f(); console.log('no error'); } catch (e) { report(e); } };

sync(() => fs.readFileSync(`${dir}/missing`));
sync(() => fs.readFileSync(dir));
sync(() => fs.readFileSync(`${dir}/missing`, { flag: 'r' }));
sync(() => fs.readFileSync(`${dir}/file/x`, { flag: 'r' }));
sync(() => fs.writeFileSync(`${dir}/nodir/x`, 'a'));
sync(() => fs.writeFileSync(dir, 'a'));
sync(() => fs.openSync(`${dir}/file`, 'wx'));
sync(() => fs.statSync(`${dir}/missing`));
sync(() => fs.lstatSync(`${dir}/missing`));
sync(() => fs.fstatSync(999));
sync(() => fs.closeSync(999));
sync(() => fs.readSync(999, Buffer.alloc(2), 0, 2, 0));
sync(() => fs.writeSync(999, 'x'));
sync(() => fs.mkdirSync(`${dir}/sub`));
sync(() => fs.mkdirSync(`${dir}/file/a/b`, { recursive: true }));
sync(() => fs.rmdirSync(`${dir}/sub`));
sync(() => fs.rmdirSync(`${dir}/file`));
sync(() => fs.rmSync(`${dir}/missing`));
sync(() => fs.rmSync(`${dir}/sub`));
sync(() => fs.unlinkSync(`${dir}/sub`));
sync(() => fs.renameSync(`${dir}/missing`, `${dir}/other`));
sync(() => fs.linkSync(`${dir}/missing`, `${dir}/other`));
sync(() => fs.symlinkSync('x', `${dir}/file`));
sync(() => fs.copyFileSync(`${dir}/missing`, `${dir}/other`));
sync(() => fs.copyFileSync(`${dir}/file`, `${dir}/sub/in`, fs.constants.COPYFILE_EXCL));
sync(() => fs.readlinkSync(`${dir}/file`));
sync(() => fs.realpathSync(`${dir}/missing/deeper`));
sync(() => fs.realpathSync.native(`${dir}/missing`));
sync(() => fs.readdirSync(`${dir}/file`));
sync(() => fs.readdirSync(`${dir}/missing`));
sync(() => fs.opendirSync(`${dir}/missing`));
sync(() => fs.accessSync(`${dir}/missing`));
sync(() => fs.chmodSync(`${dir}/missing`, 0o600));
sync(() => fs.chownSync(`${dir}/missing`, 1, 1));
sync(() => fs.utimesSync(`${dir}/missing`, 1, 1));
sync(() => fs.truncateSync(`${dir}/missing`));
sync(() => fs.mkdtempSync(`${dir}/missing/t-`));

// argument errors
sync(() => fs.readFileSync());
sync(() => fs.readFileSync(5.5));
sync(() => fs.readFileSync({}));
sync(() => fs.readFileSync('a\u0000b'));
sync(() => fs.readFileSync(`${dir}/file`, 5));
sync(() => fs.readFileSync(`${dir}/file`, 'nope'));
sync(() => fs.readFileSync(`${dir}/file`, { encoding: 'buffer' }));
sync(() => fs.writeFileSync(`${dir}/file`, 5));
sync(() => fs.writeFileSync(`${dir}/file`, 'x', { encoding: 'bad' }));
sync(() => fs.openSync(`${dir}/file`, 'zz'));
sync(() => fs.openSync(`${dir}/file`, 'r', 'rw'));
sync(() => fs.openSync(`${dir}/file`, 'r', -1));
sync(() => fs.closeSync(-1));
sync(() => fs.closeSync('1'));
sync(() => fs.closeSync(1.5));
sync(() => fs.readSync(0, 'str'));
sync(() => fs.readSync(0, Buffer.alloc(4), 0, 8, 0));
sync(() => fs.readSync(0, Buffer.alloc(4), 5, 1, 0));
sync(() => fs.readSync(0, Buffer.alloc(4), -1, 1, 0));
sync(() => fs.writeSync(1, 5));
sync(() => fs.writeSync(1, Buffer.alloc(2), 0, 3));
sync(() => fs.mkdirSync(`${dir}/m`, { recursive: 'yes' }));
sync(() => fs.mkdirSync(`${dir}/m`, { mode: 'abc' }));
sync(() => fs.rmSync(`${dir}/file`, { force: 1 }));
sync(() => fs.rmSync(`${dir}/file`, 'x'));
sync(() => fs.accessSync(`${dir}/file`, 8));
sync(() => fs.copyFileSync(`${dir}/file`, `${dir}/c`, 'x'));
sync(() => fs.utimesSync(`${dir}/file`, 'soon', 1));
sync(() => fs.chownSync(`${dir}/file`, 'me', 1));
sync(() => fs.renameSync(`${dir}/file`));
sync(() => fs.stat(`${dir}/file`));
sync(() => fs.readFile(`${dir}/file`, 'utf8'));
sync(() => fs.unlink(`${dir}/file`, 'x'));
sync(() => fs.mkdtempSync(5));
sync(() => fs.symlinkSync(5, 'x'));
sync(() => fs.linkSync('x', 5));
sync(() => fs.cpSync(`${dir}/sub`, `${dir}/sub2`));
sync(() => fs.writevSync(1, 'x'));
sync(() => fs.symlinkSync('x', `${dir}/l`, 'bogus'));
sync(() => fs.rmSync(`${dir}/missing`, { force: true, maxRetries: -1 }));
sync(() => fs.rmdirSync(`${dir}/sub`, 5));
sync(() => fs.rmdirSync(`${dir}/sub`, { maxRetries: -1 }));
sync(() => fs.writeFileSync(`${dir}/w`, 'x', { flush: 'yes' }));
sync(() => fs.createWriteStream(`${dir}/w`, { flush: 1 }));
sync(() => fs.watchFile(`${dir}/w`, { interval: 'x' }, () => {}));

// copyFile: no clone without copy-on-write (the dest is removed again); a file copied
// onto itself keeps its bytes
sync(() => fs.copyFileSync(`${dir}/file`, `${dir}/clone`, fs.constants.COPYFILE_FICLONE_FORCE));
sync(() => fs.copyFileSync(`${dir}/sub`, `${dir}/clone`));
sync(() => fs.copyFileSync(`${dir}/file`, `${dir}/file`));
console.log(fs.existsSync(`${dir}/clone`), fs.readFileSync(`${dir}/file`, 'utf8'));

// stat of a missing path with throwIfNoEntry: false; realpath through links
console.log(fs.statSync(`${dir}/missing`, { throwIfNoEntry: false }), fs.lstatSync(`${dir}/missing`, { throwIfNoEntry: false }));
sync(() => fs.statSync(`${dir}/file/x`, { throwIfNoEntry: false }));
fs.symlinkSync('loop2', `${dir}/loop1`);
fs.symlinkSync('loop1', `${dir}/loop2`);
fs.symlinkSync('nowhere', `${dir}/dangling`);
fs.symlinkSync('sub', `${dir}/tosub`);
sync(() => fs.realpathSync(`${dir}/loop1`));
sync(() => fs.realpathSync(`${dir}/dangling`));
sync(() => fs.realpathSync(`${dir}/tosub/missing`));
sync(() => fs.realpathSync.native(`${dir}/loop1`));

// cp: a directory onto a file and a file onto a directory; node's SystemError as inspect
// shows it (without its stack)
for (const [from, to, options] of [['sub', 'file', { recursive: true }], ['file', 'sub'], ['sub', 'sub/in2', { recursive: true }]]) {
  try {
    fs.cpSync(`${dir}/${from}`, `${dir}/${to}`, options);
  } catch (e) {
    console.log(show(require('util').inspect(e).split('\n').filter((l) => !/^ +at /.test(l)).join('\n')));
  }
}

// the same errors reach callbacks and promises
fs.stat(`${dir}/missing`, (e) => {
  report(e);
  fs.rename(`${dir}/missing`, `${dir}/x`, (e2) => {
    report(e2);
    fs.readFile(`${dir}/missing`, { flag: 'r' }, (e3) => {
      report(e3);
      fs.promises.copyFile(`${dir}/missing`, `${dir}/x`).catch(report)
        .then(() => fs.promises.mkdir(`${dir}/sub`)).catch(report)
        .then(() => fs.promises.readFile(`${dir}/file`, 'nope')).catch(report)
        .then(() => fs.promises.open(`${dir}/file`, 'zz')).catch(report)
        .then(() => fs.promises.rm(`${dir}/sub`)).catch(report)
        .then(() => fs.promises.cp(`${dir}/sub`, `${dir}/sub2`)).catch(report)
        .then(() => fs.promises.open(`${dir}/file`)).then(async (fh) => {
          await fh.close();
          for (const method of ['stat', 'truncate', 'read'])
            await fh[method]().catch((e) => console.log(method, e.message, e.code, e.syscall, Object.keys(e).join()));
          try {
            fh.createReadStream();
          } catch (e) {
            report(e);
          }
        })
        .then(() => fs.opendir(`${dir}/missing`, report));
    });
  });
});
