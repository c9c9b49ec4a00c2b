'use strict';
// os: require('os'), what the system says about itself, shaped as node shapes it: the
// numbers come from internal/os (stdlib/node/os.c), a failing call becomes node's
// SystemError. Book: chapter 11, "Files" (end of "URLs").

const binding = require('internal/os');
const { argType, outOfRange, systemError: makeSystemError } = require('internal/errors');

// SystemError [ERR_SYSTEM_ERROR]: "A system error occurred: uv_x returned ESRCH (...)".
function systemError(syscall, negative) {
  const [code, description] = binding.errno(-negative);
  const message = `A system error occurred: ${syscall} returned ${code} (${description})`;
  const info = { errno: negative, code, message: description, syscall };
  const error = makeSystemError('ERR_SYSTEM_ERROR', message, info, ['errno', 'syscall']);
  Error.captureStackTrace(error, checked);
  error.stack = error.stack.replace(/^[^\n]*/, `SystemError [ERR_SYSTEM_ERROR]: ${message}`);
  return error;
}

function checked(result, syscall) {
  if (typeof result === 'number' && result < 0) throw systemError(syscall, result);
  return result;
}

const uname = () => checked(binding.uname(), 'uv_os_uname');

function arch() {
  return process.arch;
}
function platform() {
  return process.platform;
}
function type() {
  return uname()[0];
}
function release() {
  return uname()[1];
}
function version() {
  return uname()[2];
}
function machine() {
  return uname()[3];
}
function hostname() {
  return checked(binding.hostname(), 'uv_os_gethostname');
}
function totalmem() {
  return binding.memory()[0];
}
function freemem() {
  return binding.memory()[1];
}
function uptime() {
  return binding.uptime();
}
function loadavg() {
  return binding.loadavg();
}
function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
}
function availableParallelism() {
  return binding.availableParallelism();
}

function cpus() {
  return binding.cpus().map(([model, speed, user, nice, sys, idle, irq]) => ({
    model, speed, times: { user, nice, sys, idle, irq },
  }));
}

// $TMPDIR, $TMP, $TEMP or /tmp, without a trailing slash.
function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function homedir() {
  return process.env.HOME || checked(binding.userInfo(), 'uv_os_homedir')[3];
}

// { uid, gid, username, homedir, shell }; Buffers with { encoding: 'buffer' }.
function userInfo(options = undefined) {
  const [uid, gid, username, home, shell] = checked(binding.userInfo(), 'uv_os_get_passwd');
  let encode = (s) => s;
  const encoding = options !== null && typeof options === 'object' ? options.encoding : undefined;
  if (encoding === 'buffer') {
    const { Buffer } = require('buffer');
    encode = (s) => (s === null ? s : Buffer.from(s));
  }
  return { __proto__: null, uid, gid, username: encode(username), homedir: encode(home), shell: encode(shell) };
}

// A netmask's prefix length: the number of leading one bits.
function prefixLength(netmask, v6) {
  let bits = 0;
  if (!v6) {
    for (const part of netmask.split('.')) bits += (Number(part) >>> 0).toString(2).replace(/0/g, '').length;
    return bits;
  }
  for (const group of netmask.split(':')) if (group) bits += parseInt(group, 16).toString(2).replace(/0/g, '').length;
  return bits;
}

function networkInterfaces() {
  const result = {};
  for (const [name, family, address, netmask, mac, internal, scopeid] of checked(binding.interfaces(), 'uv_interface_addresses')) {
    const v6 = family === 6;
    const entry = { address, netmask, family: v6 ? 'IPv6' : 'IPv4', mac, internal };
    entry.cidr = netmask === null ? null : `${address}/${prefixLength(netmask, v6)}`;
    if (v6) entry.scopeid = scopeid;
    (result[name] || (result[name] = [])).push(entry);
  }
  return result;
}

function validatePid(pid) {
  if (typeof pid !== 'number') throw argType('pid', 'of type number', pid);
  if (!Number.isInteger(pid)) throw outOfRange('pid', 'an integer', pid);
  if (pid < -2147483648 || pid > 2147483647) throw outOfRange('pid', '>= -2147483648 && <= 2147483647', pid);
}

function getPriority(pid = 0) {
  validatePid(pid);
  return checked(binding.getPriority(pid), 'uv_os_getpriority')[0];
}

function setPriority(pid, priority) {
  if (priority === undefined) (priority = pid), (pid = 0);
  validatePid(pid);
  if (typeof priority !== 'number') throw argType('priority', 'of type number', priority);
  if (!Number.isInteger(priority)) throw outOfRange('priority', 'an integer', priority);
  if (priority < -20 || priority > 19) throw outOfRange('priority', '>= -20 && <= 19', priority);
  checked(binding.setPriority(pid, priority), 'uv_os_setpriority');
}

const constants = {
  __proto__: null,
  UV_UDP_REUSEADDR: 4,
  dlopen: { __proto__: null, RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 },
  errno: binding.errnoConstants(),
  signals: binding.signalConstants(),
  priority: {
    __proto__: null, PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
  },
};

// Node lets these be used as values: `${os.platform}` is "linux".
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname, platform,
  release, tmpdir, totalmem, type, uptime, version, machine])
  fn[Symbol.toPrimitive] = () => fn();

module.exports = {
  arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname, loadavg,
  networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo, uptime,
  version, machine,
};
Object.defineProperties(module.exports, {
  constants: { value: constants, writable: false, enumerable: true, configurable: false },
  EOL: { value: '\n', writable: false, enumerable: true, configurable: true },
  devNull: { value: '/dev/null', writable: false, enumerable: true, configurable: true },
});
