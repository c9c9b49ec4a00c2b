// The members of process that few programs use (process_members.c and
// internal/process/members.js): loadEnvFile with node 20's .env rules, getBuiltinModule,
// the descriptors and shapes of features, config, report and allowedNodeEnvironmentFlags,
// and the errors of what tinynode cannot do (internal bindings, addons).
const fs = require('fs');
const path = require('path');
const os = require('os');

const names = ['loadEnvFile', 'getBuiltinModule', 'binding', '_linkedBinding', 'dlopen', 'openStdin',
  '_rawDebug', 'assert', 'setSourceMapsEnabled', 'constrainedMemory', 'availableMemory', 'setuid',
  'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups'];
console.log(names.map((n) => `${n}:${typeof process[n]}`).join(' '));
process.config; // made on first read in tinynode: from then on a plain property, as node's
for (const n of ['features', 'config', 'report', 'allowedNodeEnvironmentFlags', 'sourceMapsEnabled',
  'debugPort', 'domain', 'mainModule']) {
  const d = Object.getOwnPropertyDescriptor(process, n);
  console.log(n, Object.keys(d).join(','), d.enumerable, d.configurable);
}
console.log(process.mainModule === require.main, process.mainModule === module);
console.log(Object.keys(process.features).join(' '), typeof process.features.cached_builtins);
console.log(Object.keys(process.config), typeof process.config.variables.host_arch);
console.log(Object.getOwnPropertyDescriptor(process, 'config').writable);
console.log(Object.keys(process.report).join(' '));
console.log(process.debugPort, process.domain, process.sourceMapsEnabled);
console.log(typeof process.constrainedMemory(), process.availableMemory() > 0);

// allowedNodeEnvironmentFlags: a Set that add/delete/clear do not change; has() takes
// `_` for `-`, ignores `=value` after a dashed flag and adds the dashes to a bare one.
const flags = process.allowedNodeEnvironmentFlags;
console.log(flags instanceof Set, flags === process.allowedNodeEnvironmentFlags);
console.log(['--no-warnings', '--no_warnings', '--trace-warnings=1', '--unhandled-rejections=strict',
  '--no-such-flag', 'no-warnings', 'no_warnings', 'no-warnings=1', '-no-warnings', 42]
  .map((f) => flags.has(f)).join(' '));
const size = flags.size;
flags.add('--x'); flags.delete('--no-warnings'); flags.clear();
console.log(flags.size === size, flags.has('--x'), flags.has('--no-warnings'));
process.allowedNodeEnvironmentFlags = 'replaced';
console.log(process.allowedNodeEnvironmentFlags);

// getBuiltinModule
console.log(process.getBuiltinModule('fs') === fs, process.getBuiltinModule('node:path') === path,
  process.getBuiltinModule('no-such-module'), process.getBuiltinModule('./x'));
for (const bad of [5, undefined, {}]) {
  try { process.getBuiltinModule(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}

// What tinynode has not got.
try { process.binding('no_such_binding'); } catch (e) { console.log(e.name, e.message); }
try { process.dlopen(null, 'x.node'); } catch (e) { console.log(e.name, e.message); }
try { process.dlopen({ exports: {} }, '/no/such/addon.node'); } catch (e) { console.log(e.name, e.code, e.message); }
try { process.setSourceMapsEnabled('yes'); } catch (e) { console.log(e.name, e.code, e.message); }
process.setSourceMapsEnabled(false);

// loadEnvFile: a directory of its own, removed at the end.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tinynode-env-${process.pid}-`));
const file = path.join(dir, 'vars.env');
const lines = [
  'A=1', 'export B = two words ', 'C="quoted # not a comment"', 'D=unquoted # comment',
  "E='single \\n'", 'F="multi', 'line"', 'G="escaped\\nnewline"', '# comment', 'H=', 'I',
  'J=`back`', '  K  =  spaced  ', 'PATH=not-the-path', 'L="unterminated', 'M=x=y',
  'N="a" trailing', 'CR=1\r', 'O= "space before"', 'S=" open', 'export  W=1', 'DUP=1', 'DUP=2',
  'T=t', 'Z',
];
fs.writeFileSync(file, lines.join('\n'));
const before = new Set(Object.keys(process.env));
const PATH = process.env.PATH;
process.loadEnvFile(file);
for (const k of Object.keys(process.env)) {
  if (!before.has(k)) console.log(JSON.stringify(k), JSON.stringify(process.env[k]));
}
console.log(process.env.PATH === PATH);
fs.writeFileSync(path.join(dir, '.env'), 'FROM_DEFAULT=yes\n');
process.chdir(dir);
process.loadEnvFile();
console.log(process.env.FROM_DEFAULT);
process.loadEnvFile(Buffer.from(file));
for (const bad of [path.join(dir, 'missing.env'), 5, {}]) {
  try { process.loadEnvFile(bad); } catch (e) { console.log(e.name, e.code, e.message.replace(dir, 'DIR')); }
}
fs.rmSync(dir, { recursive: true });
