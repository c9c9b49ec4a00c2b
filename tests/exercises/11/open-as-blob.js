// Graded exercise 12 of chapter 11: fs.openAsBlob(path[, { type }]), a promise of a Blob
// holding the file's bytes. A path that is not a file to open throws at once (node's
// TypeError "Unable to open file as blob", not a rejection); bad arguments are node's
// ERR_INVALID_ARG_TYPE.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/11/open-as-blob.js).
const fs = require('fs');
const file = `/tmp/tinynode-blob-${process.pid}.txt`;
fs.writeFileSync(file, 'hello, blob\n');
const attempts = [
  () => fs.openAsBlob(5),
  () => fs.openAsBlob(file, 'text/plain'),
  () => fs.openAsBlob(file, { type: 5 }),
  () => fs.openAsBlob(`${file}.missing`),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
(async () => {
  const promise = fs.openAsBlob(file, { type: 'text/plain' });
  console.log(promise instanceof Promise);
  const blob = await promise;
  console.log(blob instanceof Blob, blob.size, blob.type);
  console.log(JSON.stringify(await blob.text()), JSON.stringify(await blob.slice(7, 11).text()));
  const plain = await fs.openAsBlob(new URL(`file://${file}`));
  console.log(plain.size, JSON.stringify(plain.type), Buffer.from(await plain.arrayBuffer()).length);
  fs.unlinkSync(file);
})();
