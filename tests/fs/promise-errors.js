// fs/promises errors as node shapes them: their stack names the await in node's own
// lib/internal/fs/promises.js where the system call failed (node's frames, then those
// of the program's async functions waiting for it), as console.log prints them.
const fsp = require('fs/promises');
const missing = '/nonexistent-tinynode-test/x';

async function each() {
  const calls = [
    () => fsp.readFile(missing), () => fsp.writeFile(missing, 'a'), () => fsp.appendFile(missing, 'a'),
    () => fsp.open(missing), () => fsp.stat(missing), () => fsp.lstat(missing),
    () => fsp.readdir(missing), () => fsp.mkdir(`${missing}/y`), () => fsp.rmdir(missing),
    () => fsp.unlink(missing), () => fsp.rename(missing, `${missing}2`),
    () => fsp.copyFile(missing, `${missing}2`), () => fsp.access(missing),
    () => fsp.chmod(missing, 0o644), () => fsp.utimes(missing, 1, 1), () => fsp.truncate(missing),
    () => fsp.readlink(missing), () => fsp.realpath(missing), () => fsp.link(missing, `${missing}2`),
    () => fsp.symlink('/tmp', `${missing}/y`), () => fsp.statfs(missing),
  ];
  for (const call of calls) {
    try {
      await call();
    } catch (err) {
      console.log(err);
    }
  }
}

async function outer() {
  await each();
}
outer().then(() => {
  // without an async function waiting: node's frames only; then an error node makes
  // without frames (rm): none
  fsp.stat(missing).then(null, (err) => {
    console.log(err.stack);
    fsp.rm(missing).then(null, (e) => console.log(e.stack));
  });
});
