// No descriptor is leaked: after many children (pipes, failures, sync and async), the
// count of our open fds (/proc/self/fd) is what it was.
const { spawn, spawnSync, execFile } = require('child_process');
const fs = require('fs');

const count = () => fs.readdirSync('/proc/self/fd').length;

function batch(n, done) {
  let left = n;
  for (let i = 0; i < n; i++) {
    const c = spawn('sh', ['-c', `echo ${i}; echo ${i} >&2`]);
    c.stdout.resume();
    c.stderr.resume();
    c.on('close', () => --left === 0 && done());
  }
}

function failures(n, done) {
  let left = n;
  for (let i = 0; i < n; i++) {
    const c = spawn('nosuchcmd-tinynode', { stdio: ['pipe', 'pipe', 'ignore'] });
    c.on('error', () => {});
    c.on('close', () => --left === 0 && done());
  }
}

// A first child, so that whatever the runtime keeps for children exists before counting.
spawn('true').on('close', () => {
  const before = count();
  batch(8, () => failures(3, () => {
    for (let i = 0; i < 5; i++) spawnSync('cat', { input: 'x' });
    for (let i = 0; i < 2; i++) spawnSync('nosuchcmd-tinynode');
    spawnSync('sleep', ['10'], { timeout: 10 });
    execFile('sh', ['-c', 'exit 1'], (err) => {
      setImmediate(() => {
        const after = count();
        console.log('children done; fds stable:', before === after);
        if (before !== after) console.log(before, after);
      });
    });
  }));
});
