// spawn's timeout, killSignal and signal (AbortController) options, and a
// process.on('SIGCHLD') listener living beside the runtime's own watch of SIGCHLD.
const { spawn, execFile } = require('child_process');

let sigchld = 0;
process.on('SIGCHLD', () => sigchld++);

function report(label, child, next) {
  child.on('error', (e) => console.log(label, 'error', e.name, e.code, e.message));
  child.on('exit', (code, signal) => console.log(label, 'exit', code, signal, child.killed));
  child.on('close', () => next());
}

const steps = [
  (next) => report('timeout', spawn('sleep', ['10'], { timeout: 20 }), next),
  (next) => report('killSignal', spawn('sleep', ['10'], { timeout: 20, killSignal: 'SIGINT' }), next),
  (next) => report('fast', spawn('true', { timeout: 5000 }), next),
  (next) => {
    const ac = new AbortController();
    report('abort', spawn('sleep', ['10'], { signal: ac.signal }), next);
    setTimeout(() => ac.abort(), 10);
  },
  (next) => report('aborted', spawn('sleep', ['10'], { signal: AbortSignal.abort() }), next),
  (next) => {
    const ac = new AbortController();
    const child = execFile('sleep', ['10'], { signal: ac.signal }, (err) => {
      console.log('execFile abort', err.name, err.code, child.killed);
      next();
    });
    ac.abort();
  },
  (next) => {
    console.log('SIGCHLD listener heard children:', sigchld > 0);
    process.removeAllListeners('SIGCHLD');
    report('after removing the listener', spawn('true'), next);
  },
];

(function run() {
  const step = steps.shift();
  if (step) step(run);
})();
