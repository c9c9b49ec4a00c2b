// spawnSync, execSync, execFileSync: node's result object, errors and echoed stderr.
const { spawnSync, execSync, execFileSync } = require('child_process');

// The pid changes from run to run: shown as its type.
// Errors as their fields (stacks differ between engines).
function describe(e) {
  return `${e.message} ${e.code} ${e.errno} ${e.syscall} ${e.path} ${JSON.stringify(e.spawnargs)}`;
}

function show(label, r) {
  if (r instanceof Error) r = describe(r);
  if (r && typeof r === 'object' && 'pid' in r) r = { ...r, pid: typeof r.pid };
  if (r && r.error) r.error = describe(r.error);
  console.log(label, r);
}

show('echo', spawnSync('echo', ['hi']));
show('codes', spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3'], { encoding: 'utf8' }));
show('signal', spawnSync('sh', ['-c', 'kill -9 $$']));
show('enoent', spawnSync('nosuchcmd-tinynode', ['hi']));
show('timeout', spawnSync('sleep', ['10'], { timeout: 30 }));
show('killSignal', spawnSync('sleep', ['10'], { timeout: 30, killSignal: 'SIGKILL' }));
show('input', spawnSync('cat', { input: 'from input' }));
show('input-buffer', spawnSync('cat', [], { input: Buffer.from('buf'), encoding: 'utf8' }));
show('big', spawnSync('sh', ['-c', 'head -c 300000 /dev/zero']).stdout.length);
show('big-input', spawnSync('wc', ['-c'], { input: Buffer.alloc(200000), encoding: 'utf8' }).stdout.trim());
show('maxBuffer', spawnSync('sh', ['-c', 'head -c 300000 /dev/zero; sleep 1'], { maxBuffer: 10 }).error);
show('ignore', spawnSync('echo', ['x'], { stdio: 'ignore' }));
show('shell', spawnSync('echo $((6 * 7))', { shell: true, encoding: 'utf8' }).stdout);
show('cwd', spawnSync('pwd', { cwd: '/', encoding: 'utf8' }).stdout);
show('bad-cwd', spawnSync('pwd', { cwd: '/nonexistent-tinynode' }).error);
show('env', spawnSync('sh', ['-c', 'echo "$A-$B"'], { env: { A: 1, B: undefined }, encoding: 'utf8' }).stdout);
show('argv0', spawnSync('sh', ['-c', 'echo $0'], { argv0: 'renamed', encoding: 'utf8' }).stdout);

console.log(execSync('echo exec sync'));
console.log(execSync('echo exec sync', { encoding: 'utf8' }));
console.log(execFileSync('echo', ['file', 'sync'], { encoding: 'utf8' }));
try {
  execSync('echo to stderr >&2; exit 4');
} catch (e) {
  show('execSync', e.message);
  show('execSync', { ...e, pid: e.pid });
  console.log(Object.keys(e));
}
try {
  execFileSync('sh', ['-c', 'exit 5'], { stdio: 'pipe' });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status, e.signal);
}
try {
  execFileSync('nosuchcmd-tinynode', ['x']);
} catch (e) {
  console.log(e.message, e.code, e.error === e, e.status, e.pid, e.output, Object.keys(e));
}
try {
  execSync('sleep 10', { timeout: 30 });
} catch (e) {
  console.log(e.message, e.code, e.signal, e.status);
}
// stderr goes where stdio says: echoed only when stdio was not given
execSync('echo echoed >&2');
execSync('echo not echoed >&2', { stdio: 'pipe' });
