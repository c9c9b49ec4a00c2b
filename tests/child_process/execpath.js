// A child running this very engine (process.execPath) on a small script: arguments,
// environment, stdin to stdout, exit code; async and sync.
const { spawn, spawnSync, execFileSync } = require('child_process');

const script = `
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  console.log(JSON.stringify(process.argv.slice(1)), process.env.CHILD_VAR, input.toUpperCase());
  console.error('to stderr');
  process.exitCode = 3;
});`;

const env = { ...process.env, CHILD_VAR: 'from the parent' };
const r = spawnSync(process.execPath, ['-e', script, 'a', 'b c'], { input: 'sync input', env, encoding: 'utf8' });
console.log(r.status, r.signal, JSON.stringify(r.stdout), JSON.stringify(r.stderr));

console.log(execFileSync(process.execPath, ['-p', '6 * 7'], { encoding: 'utf8' }).trim());

const child = spawn(process.execPath, ['-e', script, 'async'], { env });
let out = '';
child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
child.stderr.resume();
child.stdin.end('piped input');
child.on('close', (code, signal) => console.log(code, signal, JSON.stringify(out)));
