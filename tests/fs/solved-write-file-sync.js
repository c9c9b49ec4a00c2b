// Once a graded exercise of chapter 11, now part of the fs module.
// fs.writeFileSync(path, string) creates or truncates the file and
// writes the string as UTF-8; readFileSync reads it back. Errors are node's.
const fs = require('fs');
const file = `/tmp/tinynode-write-file-sync-${process.pid}.txt`;
process.on('exit', () => fs.rmSync(file, { force: true }));
fs.writeFileSync(file, 'first version, which is longer\n');
fs.writeFileSync(file, 'héllo, wörld ✓\n');
console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
console.log(fs.writeFileSync(file, ''), JSON.stringify(fs.readFileSync(file, 'utf8')));
try {
  fs.writeFileSync('/tmp/no-such-dir-for-tinynode/x.txt', 'x');
} catch (e) {
  console.log(e.code, e.syscall, e.message);
}
