// What tinynode's fs does not do says so (tinynode-only: node has these, so the flags
// file keeps node from running it): fs.watch and fs.promises.watch (inotify is not
// POSIX; fs.watchFile polls instead), fs.openAsBlob (no Blob yet) and BigInt stats. lchmod is
// undefined, as in node on Linux.
const fs = require('fs');
for (const f of [() => fs.watch('.'), () => fs.promises.watch('.'), () => fs.openAsBlob('x'), () => fs.statSync('.', { bigint: true })]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
console.log('lchmod' in fs, fs.lchmod, 'lchmod' in fs.promises, fs.promises.lchmod);
