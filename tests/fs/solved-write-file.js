// Once a graded exercise of chapter 11, now part of the fs module.
// fs.writeFile(path, data, callback) writes on the thread pool and calls
// back on the loop, with null or node's error; the script goes on meanwhile. (One write
// at a time: two writes in flight may finish in either order.)
const fs = require('fs');
const file = `/tmp/tinynode-write-file-${process.pid}.txt`;
process.on('exit', () => fs.rmSync(file, { force: true }));
fs.writeFile(file, 'written by a worker\n', (err) => {
  console.log('written:', err);
  fs.readFile(file, 'utf8', (err, text) => {
    console.log('read back:', err, JSON.stringify(text));
    fs.writeFile('/tmp/no-such-dir-for-tinynode/x.txt', 'x', (err) => {
      console.log('error:', err.code, err.syscall, err.message);
    });
  });
});
try {
  fs.writeFile(file, 'x');
} catch (e) {
  console.log(e.code);
}
console.log('after the calls');
