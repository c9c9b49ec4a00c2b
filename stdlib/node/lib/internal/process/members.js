'use strict';
// internal/process/members: the members of process that few programs use, written here
// and loaded on first use (process.c's trampolines call them by name, with process as
// `this`). Book: chapter 8, "The event loop" ("The rest of process").
//
// loadEnvFile parses a .env file with the rules of node 20's parser (below);
// getBuiltinModule is require for built-in names only; allowedNodeEnvironmentFlags,
// config and report describe tinynode; what tinynode cannot do (native addons, internal
// bindings, source maps, diagnostic reports) throws an error that says so.

const { codes, argType, makeError } = require('internal/errors');
const Module = require('module');

// ==== .env files ====

// One `KEY=value` after another, as node 20 reads them: a line that starts with `#` or is
// empty is skipped; the key is everything up to the next `=` (other lines included),
// trimmed of spaces and of a leading `export `; a value that starts with a quote (', ",
// `) runs to the same quote, even across lines (and without one, to the end of the line,
// quote included), and in double quotes `\n` is a newline; any other value runs to the
// end of the line or a `#`, trimmed. Text with no `=` left ends the file.
function parseEnv(text) {
  const store = new Map();
  let rest = text.replace(/\r\n/g, '\n').replace(/^ +| +$/g, '');
  while (rest !== '') {
    if (rest[0] === '\n' || rest[0] === '#') {
      const nl = rest.indexOf('\n');
      rest = nl < 0 ? '' : rest.slice(nl + 1);
      continue;
    }
    const equal = rest.indexOf('=');
    if (equal < 0) break;
    let key = rest.slice(0, equal).replace(/^ +| +$/g, '');
    if (key.startsWith('export ')) key = key.slice(7);
    rest = rest.slice(equal + 1).replace(/^ +/, '');
    const [value, after] = takeValue(rest);
    store.set(key, value);
    rest = after;
  }
  return store;
}

// The value at the start of text, and the text after its line.
function takeValue(text) {
  const quote = text[0];
  const nl = text.indexOf('\n');
  if (quote === '"' || quote === "'" || quote === '`') {
    const close = text.indexOf(quote, 1);
    if (close < 0) return [nl < 0 ? text : text.slice(0, nl), nl < 0 ? '' : text.slice(nl)];
    let value = text.slice(1, close);
    if (quote === '"') value = value.replace(/\\n/g, '\n');
    const next = text.indexOf('\n', close + 1);
    return [value, next < 0 ? '' : text.slice(next)];
  }
  let value = nl < 0 ? text : text.slice(0, nl);
  const hash = value.indexOf('#');
  if (hash >= 0) value = value.slice(0, hash);
  return [value.replace(/ +$/, ''), nl < 0 ? '' : text.slice(nl)];
}

// process.loadEnvFile(path = '.env'): the file's variables, except those already set.
function loadEnvFile(path) {
  if (path === undefined) path = '.env';
  else if (typeof path !== 'string' && !Buffer.isBuffer(path) && !(path instanceof URL)) {
    throw argType('path', 'of type string or an instance of Buffer or URL', path);
  }
  const store = parseEnv(require('fs').readFileSync(path, 'utf8'));
  for (const key of [...store.keys()].sort()) {
    if (!Object.prototype.hasOwnProperty.call(process.env, key)) process.env[key] = store.get(key);
  }
}

// ==== Modules and native code ====

function getBuiltinModule(id) {
  if (typeof id !== 'string') throw argType('id', 'of type string', id);
  return Module.isBuiltin(id) ? require(id) : undefined;
}

// tinynode has none of node's internal bindings.
function binding(name) {
  throw new Error(`No such module: ${name}`);
}

// A file that is there fails as require('x.node') does (tinynode loads no addons).
function dlopen(module, filename) {
  if (module === null || typeof module !== 'object' || module.exports == null) {
    throw new TypeError('Cannot convert undefined or null to object');
  }
  const why = require('fs').existsSync(filename) ? 'tinynode cannot load native addons'
    : 'cannot open shared object file: No such file or directory';
  throw makeError(0, 'ERR_DLOPEN_FAILED', `${filename}: ${why}`);
}

// ==== Small ones ====

function openStdin() {
  process.stdin.resume();
  return process.stdin;
}

function rawDebug(...args) {
  require('internal/stdio').writeSync(2, `${require('util').format(...args)}\n`);
}

let assertWarned = false;
function assert(value, message) {
  if (!assertWarned) {
    assertWarned = true;
    process.emitWarning('process.assert() is deprecated. Please use the `assert` module instead.',
      'DeprecationWarning', 'DEP0100');
  }
  if (!value) throw makeError(0, 'ERR_ASSERTION', message || 'assertion error');
}

function setSourceMapsEnabled(enabled) {
  if (typeof enabled !== 'boolean') throw argType('val', 'of type boolean', enabled);
  if (enabled) throw new Error('tinynode does not support source maps');
}

// ==== What tinynode is ====

// The flags of tinynode's own that node accepts in NODE_OPTIONS. A Set whose add, delete
// and clear change nothing; has() takes `_` for `-`, and a flag written with dashes may
// carry `=value`, one written without them is looked up with `--` and with `-`.
class NodeEnvironmentFlagsSet extends Set {
  constructor(flags) {
    super();
    for (const flag of flags) Set.prototype.add.call(this, flag);
  }

  add() { return this; }
  delete() { return false; }
  clear() {}
  has(flag) {
    if (typeof flag !== 'string') return false;
    flag = flag.replace(/_/g, '-');
    const own = (f) => Set.prototype.has.call(this, f);
    if (flag.startsWith('-')) return own(flag.replace(/=.*$/s, ''));
    return own(`--${flag}`) || own(`-${flag}`);
  }
}

let flags;
function allowedNodeEnvironmentFlags() {
  flags ??= new NodeEnvironmentFlagsSet(['--expose-gc', '--no-deprecation', '--no-warnings',
    '--trace-deprecation', '--trace-warnings', '--unhandled-rejections']);
  return flags;
}

function config() {
  return {
    target_defaults: { cflags: [], default_configuration: 'Release', defines: [], include_dirs: [],
      libraries: [] },
    variables: { asan: 0, host_arch: process.arch, node_shared: false, node_use_openssl: false,
      target_arch: process.arch, v8_enable_i18n_support: 0, v8_enable_inspector: 0 },
  };
}

function notReported() {
  throw new Error('tinynode does not write diagnostic reports');
}

let report;
function getReport() {
  report ??= { writeReport: notReported, getReport: notReported, directory: '', filename: '',
    compact: false, excludeNetwork: false, signal: 'SIGUSR2', reportOnFatalError: false,
    reportOnSignal: false, reportOnUncaughtException: false };
  return report;
}

module.exports = {
  loadEnvFile, getBuiltinModule, binding, dlopen, openStdin, rawDebug, assert,
  setSourceMapsEnabled, allowedNodeEnvironmentFlags, config, report: getReport,
  sourceMapsEnabled: () => false,
};
