// A temporary directory for one test, removed when the process exits; `show` prints a
// path or a message with that directory written as <tmp>, so the output is the same on
// every run.
const fs = require('fs');
const dir = `/tmp/tinynode-fs-test-${process.pid}`;
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const show = (s) => String(s).split(dir).join('<tmp>');
module.exports = { dir, show };
