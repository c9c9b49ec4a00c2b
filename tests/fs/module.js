// The module as node prints it: every key in node's order, the lazy getters, constants;
// fs/promises and node:fs are the same objects; realpath.native says 'realpath'.
const fs = require('fs');
console.log(fs);
console.log(require('node:fs') === fs, require('fs/promises') === fs.promises, require('node:fs/promises') === fs.promises);
console.log(Object.keys(fs.promises));
console.log(fs.Stats.name, fs.Dirent.name, fs.ReadStream.name, fs.WriteStream.name, fs.Dir.name, typeof fs.opendir);
fs.realpath.native('no-such-file', (err) => {
  console.log(err.message, err.syscall);
  fs.realpath('no-such-file', (err2) => console.log(err2.syscall, err2.path === require('path').resolve('no-such-file')));
});
