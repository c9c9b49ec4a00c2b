// spawn: the ChildProcess's events in node's order, its fields, stdin/stdout pipes, kill, ENOENT.
const { spawn, ChildProcess } = require('child_process');
const EventEmitter = require('events');

function watch(name, child, next) {
  const seen = [];
  for (const ev of ['spawn', 'exit', 'close', 'error']) {
    child.on(ev, (...args) => {
      seen.push(ev);
      console.log(name, ev, ev === 'error' ? args[0].message : args);
      if (ev === 'close') next(child, seen);
    });
  }
}

const steps = [
  // an exit code, output read to its end before 'close'
  (next) => {
    const c = spawn('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    console.log(c instanceof ChildProcess, c instanceof EventEmitter, typeof c.pid);
    console.log(Object.keys(c));
    console.log(c.spawnfile, c.spawnargs, c.exitCode, c.signalCode, c.killed, c.connected);
    console.log(c.stdio.length, c.stdio[0] === c.stdin, c.stdio[1] === c.stdout, c.stdio[2] === c.stderr);
    console.log(c.stdin.constructor.name, c.stdin.readable, c.stdin.writable, c.stdout.readable);
    let out = '', err = '';
    c.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    watch('sh', c, () => {
      console.log(JSON.stringify(out), JSON.stringify(err), c.exitCode, c.signalCode);
      next();
    });
  },
  // stdin to cat and back
  (next) => {
    const c = spawn('cat');
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.stdin.write('hello ');
    c.stdin.end('cat\n');
    watch('cat', c, () => {
      console.log(JSON.stringify(out));
      next();
    });
  },
  // killed by a signal
  (next) => {
    const c = spawn('sleep', ['10']);
    c.on('spawn', () => console.log('kill', c.kill(), c.killed));
    watch('sleep', c, () => {
      console.log(c.exitCode, c.signalCode, c.kill(), c.kill('SIGKILL'));
      next();
    });
  },
  // another signal, by name and by number
  (next) => {
    const c = spawn('sleep', ['10'], { stdio: 'ignore' });
    console.log(c.stdin, c.stdout, c.stderr, c.stdio);
    c.kill(9);
    watch('sleep9', c, () => next());
  },
  // a program that does not exist
  (next) => {
    const c = spawn('nosuchcmd-tinynode', ['a', 'b']);
    console.log(c.pid, c.stdout !== null, c.spawnfile, c.spawnargs);
    console.log(Object.keys(c), Object.keys(require('child_process')));
    c.on('error', (e) => console.log(e.code, e.errno, e.syscall, e.path, e.spawnargs, Object.keys(e)));
    watch('nosuch', c, (c, seen) => {
      console.log(c.exitCode, c.signalCode, seen);
      next();
    });
  },
];

(function run() {
  const step = steps.shift();
  if (step) step(run);
})();
