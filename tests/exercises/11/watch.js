// Graded exercise 10 of chapter 11: fs.watch on Linux's inotify. A watched directory
// reports each change to an entry as ('rename' | 'change', name): creating, renaming and
// removing are 'rename', writing is 'change'; a watched file names itself. Every step
// below waits for the event of the one before, so the order is the kernel's.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/11/watch.js).
const fs = require('fs');
const path = require('path');
const dir = `/tmp/tinynode-watch-${process.pid}`;
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
const file = (name) => path.join(dir, name);
const steps = [
  () => fs.writeFileSync(file('a.txt'), 'x'), // rename a.txt, then change a.txt
  null,
  () => fs.renameSync(file('a.txt'), file('b.txt')), // rename a.txt, rename b.txt
  null,
  () => fs.unlinkSync(file('b.txt')), // rename b.txt
  () => watcher.close(),
];
const watcher = fs.watch(dir, (type, name) => {
  console.log('dir:', type, name);
  const step = steps.shift();
  if (step) step();
});
console.log(watcher instanceof require('events'), watcher.constructor.name);
watcher.on('close', () => {
  console.log('closed');
  fs.writeFileSync(file('c.txt'), 'c');
  const fileWatcher = fs.watch(file('c.txt'), { persistent: true }, (type, name) => {
    console.log('file:', type, name);
    fileWatcher.close();
    fs.rmSync(dir, { recursive: true });
  });
  fs.appendFileSync(file('c.txt'), 'more');
});
steps.shift()();
try {
  fs.watch(file('missing'));
} catch (e) {
  console.log(e.name, e.code, e.errno, e.syscall, e.message.replace(dir, 'DIR'));
}
try {
  fs.watch(dir, 5);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
