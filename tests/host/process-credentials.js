// process.setuid and the rest (credentials.c): ids as numbers or names, node's argument
// errors, and node's error when the system refuses. As root the refusal is shown by a
// child that gives its privileges away first; as anyone else, by asking for root's.
const { spawnSync } = require('child_process');

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.errno, e.syscall, Object.keys(e).join(','));
  }
}

if (process.argv[2] === 'refused') {
  if (process.getuid() === 0) { process.setgid(65534); process.setgroups([65534]); process.setuid(65534); }
  for (const f of ['setuid', 'setgid', 'seteuid', 'setegid']) attempt(f, () => process[f](0));
  attempt('setgroups', () => process.setgroups([0]));
  attempt('initgroups', () => process.initgroups('root', 0));
  return;
}

for (const f of ['setuid', 'setgid', 'seteuid', 'setegid']) {
  const own = f.endsWith('uid') ? process.geteuid() : process.getegid();
  for (const id of [{}, 'no-such-user-x', -1, 1.5, 2 ** 32, null]) attempt(`${f}(${String(id)})`, () => process[f](id));
  attempt(`${f}(own)`, () => process[f](own));
}
for (const groups of [{}, 'x', ['no-such-group-x'], [1.5], [-1]]) attempt('setgroups', () => process.setgroups(groups));
attempt('initgroups', () => process.initgroups({}, 0));
attempt('initgroups', () => process.initgroups('root', 'no-such-group-x'));
attempt('initgroups', () => process.initgroups('no-such-user-x', 0));
console.log(process.getuid() === process.geteuid(), Array.isArray(process.getgroups()));

const child = spawnSync(process.execPath, [__filename, 'refused'], { encoding: 'utf8' });
process.stdout.write(child.stdout + child.stderr);
