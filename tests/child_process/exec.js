// exec and execFile: the callback's (error, stdout, stderr), node's error for a failed
// command, shell/cwd/env/encoding/timeout/maxBuffer options, and util.promisify.
const { exec, execFile } = require('child_process');
const util = require('util');
const os = require('os');

function show(label) {
  return (err, stdout, stderr) => {
    if (err) {
      console.log(label, 'error', JSON.stringify(err.message), err.code, err.killed, err.signal, JSON.stringify(err.cmd), Object.keys(err));
    } else {
      console.log(label, 'ok', err);
    }
    console.log(label, stdout, stderr);
    next();
  };
}

const steps = [
  () => exec('echo hello; echo world >&2', show('exec')),
  () => exec('echo bad >&2; exit 7', show('exit7')),
  () => exec('printf "%s" "$FOO" "$PWD"', { env: { FOO: 'foo:', PATH: process.env.PATH }, cwd: os.tmpdir() }, show('env-cwd')),
  () => exec('echo buffers', { encoding: 'buffer' }, show('buffer')),
  () => exec('echo latin1', { encoding: 'latin1' }, show('latin1')),
  () => exec('echo $0', { shell: '/bin/sh' }, show('shell')),
  () => exec('sleep 10', { timeout: 30 }, show('timeout')),
  () => exec('sleep 10', { timeout: 30, killSignal: 'SIGKILL' }, show('killsignal')),
  () => exec('echo 0123456789', { maxBuffer: 4 }, show('maxbuffer')),
  () => exec('nosuchcmd-tinynode 2>/dev/null', show('127')),
  () => execFile('echo', ['a', 'b c'], show('execFile')),
  () => execFile('sh', ['-c', 'exit 2'], show('execFile-exit')),
  () => execFile('nosuchcmd-tinynode', ['x'], show('execFile-enoent')),
  () => execFile('echo', show('execFile-noargs')),
  () => execFile('echo', { encoding: 'hex' }, show('execFile-opts')),
  async () => {
    const r = await util.promisify(exec)('echo promised');
    console.log(r, Object.keys(r));
    const p = util.promisify(execFile)('sh', ['-c', 'echo out; echo err >&2; exit 1']);
    console.log(typeof p.child.pid);
    try {
      await p;
    } catch (e) {
      console.log(e.message, e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
    }
    next();
  },
];

function next() {
  const step = steps.shift();
  if (step) step();
}
next();
