// process.chdir (node's error names both directories, and relative paths follow it) and the
// user and group ids.
const path = require('path');
try { process.chdir('/nonexistent-dir'); } catch (e) { console.log(e.message.replace(process.cwd(), 'CWD'), e.code, e.errno, e.syscall, Object.keys(e)); }
try { process.chdir(5); } catch (e) { console.log(e.code, e.message); }
const before = process.cwd();
process.chdir(__dirname);
console.log(process.cwd() === __dirname, path.resolve('x') === path.join(__dirname, 'x'));
process.chdir(before);
console.log(typeof process.getuid(), process.getuid() === process.geteuid(), typeof process.getgid(), Array.isArray(process.getgroups()), process.getgroups().includes(process.getegid()));
