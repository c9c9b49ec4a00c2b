// tinynode-only (node has an IPC channel): fork and stdio 'ipc' throw a clear error.
const cp = require('child_process');

for (const [label, fn] of [
  ['fork', () => cp.fork('child.js')],
  ['_forkChild', () => cp._forkChild(3)],
  ['ipc', () => cp.spawn('echo', { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })],
]) {
  try {
    fn();
  } catch (e) {
    console.log(label, `${e.name} [${e.code}]: ${e.message}`);
  }
}
