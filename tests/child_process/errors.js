// node's argument errors for the child_process functions (no child is started).
const cp = require('child_process');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, `${e.name} [${e.code}]: ${e.message}`);
  }
}

attempt('file type', () => cp.spawn(42));
attempt('file empty', () => cp.spawn(''));
attempt('file nul', () => cp.spawn('a\u0000b'));
attempt('args type', () => cp.spawn('echo', 'x'));
attempt('arg nul', () => cp.spawnSync('echo', ['a\u0000']));
attempt('options type', () => cp.spawn('echo', [], 'x'));
attempt('options array', () => cp.spawn('echo', [], []));
attempt('cwd type', () => cp.spawn('echo', { cwd: 42 }));
attempt('detached type', () => cp.spawn('echo', { detached: 'yes' }));
attempt('shell type', () => cp.spawn('echo', { shell: 42 }));
attempt('argv0 type', () => cp.spawn('echo', { argv0: 42 }));
attempt('windowsHide type', () => cp.spawn('echo', { windowsHide: 1 }));
attempt('stdio string', () => cp.spawn('echo', { stdio: 'bogus' }));
attempt('stdio type', () => cp.spawn('echo', { stdio: 42 }));
attempt('stdio entry', () => cp.spawn('echo', { stdio: ['pipe', 'bogus'] }));
attempt('stdio buffer', () => cp.spawn('echo', { stdio: [Buffer.from('x')] }));
attempt('timeout', () => cp.spawn('echo', { timeout: -1 }));
attempt('timeout float', () => cp.spawnSync('echo', { timeout: 1.5 }));
attempt('killSignal name', () => cp.spawn('echo', { killSignal: 'SIGNOPE' }));
attempt('killSignal type', () => cp.spawnSync('echo', { killSignal: {} }));
attempt('maxBuffer', () => cp.spawnSync('echo', { maxBuffer: -1 }));
attempt('maxBuffer exec', () => cp.exec('echo', { maxBuffer: 'x' }));
attempt('exec command', () => cp.exec(42));
attempt('exec nul', () => cp.execSync('echo \u0000'));
attempt('execFile callback', () => cp.execFile('echo', [], {}, 'nope'));
attempt('execFile options', () => cp.execFile('echo', [], 'x'));
attempt('env nul', () => cp.spawnSync('echo', { env: { A: 'x\u0000' } }));
attempt('input type', () => cp.spawnSync('cat', { input: 42 }));

// kill's signals
const child = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
attempt('kill name', () => child.kill('SIGNOPE'));
attempt('kill number', () => child.kill(1234));
attempt('kill type', () => child.kill({}));
console.log(child.kill(0), child.killed);
child.on('exit', (code, signal) => console.log('exit', code, signal));
console.log(child.kill('sigkill'), child.killed);
