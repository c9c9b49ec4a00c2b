// Once a graded exercise of chapter 11, now part of the fs module.
// fs.readdirSync(path) lists a directory's names (without . and ..),
// sorted as libuv sorts them (byte order: upper case first); errors are node's.
const fs = require('fs');
console.log(fs.readdirSync('readdir-fixture'));
console.log(fs.readdirSync('readdir-fixture/sub'));
for (const bad of ['no-such-dir', 'readdir-fixture/a.txt']) {
  try {
    fs.readdirSync(bad);
  } catch (e) {
    console.log(e.code, e.syscall, e.errno, e.message);
  }
}
try {
  fs.readdirSync({});
} catch (e) {
  console.log(e.name, e.code);
}
