// stdio options: 'inherit', 'ignore', numeric fds and arrays mixing them, for spawn and
// spawnSync; argv0, detached (a new session), and a child that is unref'd.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tinynode-cp-stdio-${process.pid}-`));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// The child writes straight to our stdout; our own writes are synchronous, so the order holds.
console.log('before inherit');
spawnSync('echo', ['inherited, sync'], { stdio: 'inherit' });
spawnSync('sh', ['-c', 'echo to stdout; echo hidden >&2'], { stdio: ['ignore', 'inherit', 'ignore'] });
console.log('after inherit');

// An fd of ours as the child's stdout.
const file = path.join(dir, 'out.txt');
const fd = fs.openSync(file, 'w');
spawnSync('sh', ['-c', 'echo into the file; echo also >&2'], { stdio: ['ignore', fd, fd] });
fs.closeSync(fd);
console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));

// A file as stdin, by fd.
const input = fs.openSync(file, 'r');
console.log(spawnSync('wc', ['-l'], { stdio: [input, 'pipe', 'pipe'], encoding: 'utf8' }).stdout.trim());
fs.closeSync(input);

// stdout and stderr as one pipe, in the shell's way
console.log(JSON.stringify(spawnSync('sh', ['-c', 'echo a; echo b >&2; echo c'], { encoding: 'utf8' }).output));
// an extra fd for the child
const r = spawnSync('sh', ['-c', 'echo three >&3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], encoding: 'utf8' });
console.log(r.output.length, JSON.stringify(r.output));

// process.stdout itself (an object with an fd)
spawnSync('echo', ['via process.stdout'], { stdio: ['ignore', process.stdout, 'ignore'] });

// argv0, and a new session for a detached child (/proc/self/stat's 6th field)
console.log(spawnSync('sh', ['-c', 'echo $0'], { argv0: 'myname', encoding: 'utf8' }).stdout.trim());
const session = 'read -r a b c d e s rest < /proc/self/stat; [ "$s" = "$$" ] && echo own session || echo inherited session';
console.log(spawnSync('sh', ['-c', session], { encoding: 'utf8' }).stdout.trim());
console.log(spawnSync('sh', ['-c', session], { detached: true, encoding: 'utf8' }).stdout.trim());

// Asynchronous: inherit and ignore, one after the other. The child runs beside us, so it
// waits for a file we make once our own line is out; otherwise the two lines race.
const go = path.join(dir, 'go');
const a = spawn('sh', ['-c', 'while [ ! -e "$0" ]; do sleep 0.01; done; echo inherited, async', go],
                { stdio: 'inherit' });
// Once our line is written out (a pipe's writes may wait for the loop), the child may go.
process.stdout.write(`${a.stdin} ${a.stdout} ${a.stderr}\n`, () => fs.writeFileSync(go, ''));
a.on('close', (code) => {
  console.log('inherit closed', code);
  const b = spawn('sh', ['-c', 'cat >&2'], { stdio: ['pipe', 'ignore', 'inherit'] });
  b.stdin.end('from our pipe to its stderr (ours)\n');
  b.on('close', (code) => {
    console.log('pipe closed', code, b.stdout, b.stderr);
    // unref'd, this child does not keep us alive; it is killed when we exit
    const c = spawn('sleep', ['10'], { stdio: 'ignore' });
    c.unref();
    process.on('exit', () => console.log('exit, sleep still running:', c.exitCode === null && c.kill()));
  });
});
