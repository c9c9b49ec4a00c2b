// Once a graded exercise of chapter 11, now part of the fs module.
// fs.existsSync(path) is true for anything that exists (a file, a
// directory), false for a missing path and for an argument that is not a path at all.
const fs = require('fs');
console.log(fs.existsSync('solved-exists-sync.js'));
console.log(fs.existsSync('.'));
console.log(fs.existsSync('readdir-fixture/sub'));
console.log(fs.existsSync('no-such-file.txt'));
console.log(fs.existsSync('readdir-fixture/a.txt/x'));
console.log(fs.existsSync(''));
console.log(fs.existsSync(undefined), fs.existsSync(42), fs.existsSync({}));
console.log(fs.existsSync.length);
