// os: exact values where they are the same on every Linux machine (constants, EOL,
// endianness, devNull, tmpdir from the environment), the shape and types elsewhere.
const os = require('os');
const util = require('util');
console.log(Object.keys(os));
console.log(os.constants);
console.log(Object.getOwnPropertyDescriptor(os, 'constants').writable, Object.isFrozen(os.constants));
console.log(JSON.stringify(os.EOL), os.devNull, os.endianness(), os.platform(), os.type(), `${os.platform}`, String(os.endianness));
console.log(os.arch() === process.arch, os.uptime() >= 0);
for (const [value, expected] of [['/x/y/', '/x/y'], ['/', '/'], ['/a//', '/a/'], ['', '/tmp']]) {
  process.env.TMPDIR = value;
  console.log(JSON.stringify(value), os.tmpdir() === expected);
}
delete process.env.TMPDIR;
process.env.TMP = '/from/tmp';
console.log(os.tmpdir());
delete process.env.TMP;
process.env.TEMP = '/from/temp/';
console.log(os.tmpdir());
delete process.env.TEMP;
console.log(os.tmpdir());
const home = process.env.HOME;
process.env.HOME = '/home/someone';
console.log(os.homedir());
delete process.env.HOME;
console.log(os.homedir() === os.userInfo().homedir);
process.env.HOME = home;

const types = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? 'null' : typeof v]));
console.log(typeof os.hostname(), typeof os.release(), typeof os.version(), typeof os.machine());
console.log(os.totalmem() > 0, os.freemem() > 0, os.freemem() <= os.totalmem(), os.uptime() > 0);
console.log(os.loadavg().length, os.loadavg().every((n) => typeof n === 'number' && n >= 0));
const cpus = os.cpus();
console.log(cpus.length === os.availableParallelism() || cpus.length > 0, types(cpus[0]), types(cpus[0].times));
console.log(Object.keys(cpus[0]), Object.keys(cpus[0].times));
const user = os.userInfo();
console.log(types(user), Object.getPrototypeOf(user), user.uid >= 0, user.gid >= 0);
const bufs = os.userInfo({ encoding: 'buffer' });
console.log(Buffer.isBuffer(bufs.username), bufs.username.toString() === user.username);
const nets = os.networkInterfaces();
for (const list of Object.values(nets))
  for (const entry of list) {
    const keys = Object.keys(entry).join(',');
    if (keys !== 'address,netmask,family,mac,internal,cidr' && keys !== 'address,netmask,family,mac,internal,cidr,scopeid')
      console.log('unexpected', keys);
    if (entry.cidr !== `${entry.address}/${entry.cidr.split('/')[1]}`) console.log('bad cidr', entry);
  }
console.log(typeof nets, nets.lo === undefined || nets.lo[0].internal === true);

console.log(os.getPriority() === os.getPriority(0), os.getPriority(process.pid) === os.getPriority());
const before = os.getPriority();
os.setPriority(19);
console.log(os.getPriority());
os.setPriority(0, 19);
console.log(os.getPriority(0));
for (const f of [() => os.getPriority('x'), () => os.getPriority(1.5), () => os.setPriority(0, 100),
  () => os.setPriority(0, 'x'), () => os.setPriority(2 ** 40, 1), () => os.setPriority(0, -0.5)]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  os.getPriority(2147483647);
} catch (e) {
  console.log(e.name, e.code, e.message, e.info, e.errno, e.syscall, Object.keys(e));
  console.log(util.inspect(e).split('\n').filter((l) => !/^ +at /.test(l)).join('\n')); // getters shown
}
console.log(before >= -20);
