// Graded exercise 8 of chapter 11: fs.cp refuses to copy a directory onto something that
// is not one (ERR_FS_CP_DIR_TO_NON_DIR, EISDIR) and anything else onto a directory
// (ERR_FS_CP_NON_DIR_TO_DIR, ENOTDIR), before it removes or writes anything: at the top
// and for each entry of a recursive copy, in all three forms (sync, callback, promise).
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/11/cp-type-clash.js).
const fs = require('fs');
const base = `/tmp/tinynode-cp-clash-${process.pid}`;
const show = (label, e) => {
  const text = (s) => String(s).replaceAll(base, 'B');
  console.log(label, e.name, e.code, text(e.message));
  console.log('   ', e.errno, e.syscall, text(e.path), e.info && e.info.code);
};
fs.rmSync(base, { recursive: true, force: true });
fs.mkdirSync(`${base}/src/inner`, { recursive: true });
fs.writeFileSync(`${base}/src/inner/leaf`, 'leaf');
fs.writeFileSync(`${base}/file`, 'file');
fs.mkdirSync(`${base}/dest/inner/leaf`, { recursive: true }); // a directory where a file goes
fs.mkdirSync(`${base}/dest2`);
fs.writeFileSync(`${base}/dest2/inner`, 'a file where a directory goes');
const attempts = [
  ['dir onto file', `${base}/src`, `${base}/file`],
  ['file onto dir', `${base}/file`, `${base}/dest`],
  ['nested file onto dir', `${base}/src`, `${base}/dest`],
  ['nested dir onto file', `${base}/src`, `${base}/dest2`],
];
for (const [label, src, dest] of attempts) {
  try {
    fs.cpSync(src, dest, { recursive: true });
    console.log(label, 'copied');
  } catch (e) {
    show(label, e);
  }
}
console.log(fs.readFileSync(`${base}/file`, 'utf8'), fs.readdirSync(`${base}/dest2`));
fs.cp(`${base}/src`, `${base}/file`, { recursive: true }, (e) => {
  show('callback', e);
  fs.promises.cp(`${base}/file`, `${base}/dest`).catch((e) => {
    show('promise', e);
    fs.rmSync(base, { recursive: true });
  });
});
