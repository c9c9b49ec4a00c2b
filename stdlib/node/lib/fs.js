'use strict';
// fs: node's file system module. Every operation is written once in internal/fs/ops
// (argument checks, then a generator of internal/fs steps); this file makes its three
// forms: NAMESync runs the steps now, NAME(..., cb) runs each on the thread pool and
// calls back, and fs.promises (lib/fs/promises.js) resolves. readFile of a path keeps
// its own one-job request in C (fs.c), the fast path. Book: chapter 11, "Files".

// Loaded now: the binding and the classes; the rest on the first call that needs it, so
// that require('fs') and a readFileSync cost little.
const binding = require('internal/fs');
const { constants } = binding;
const { Stats, Dirent } = require('internal/fs/stats');
let utils, ops;
const u = () => utils || (utils = require('internal/fs/utils'));
const op = (name) => (ops || (ops = require('internal/fs/ops').table))[name];

// The forms whose callback gets two results (bytes and the buffer): read, write, readv, writev.
const SPREAD = new Set(['read', 'write', 'readv', 'writev']);

function syncForm(name) {
  const spread = SPREAD.has(name);
  return {
    [`${name}Sync`](...args) {
      const [prepare, body] = op(name);
      const result = name === 'write' ? writeSync(body(...prepare(...args))) : u().runSync(body(...prepare(...args)));
      return spread ? result[0] : result;
    },
  }[`${name}Sync`];
}

// writeSync's system error has its keys in another order (errno, syscall, code).
function writeSync(gen) {
  try {
    return u().runSync(gen);
  } catch (err) {
    if (err.syscall === 'write') {
      const { code } = err;
      delete err.code;
      err.code = code;
    }
    throw err;
  }
}

//> node.fs-callback-form
// NAME(...args, cb): the callback is the first function after the first argument (node's
// `typeof options === 'function'`), else the argument at its place; checked first.
function callbackForm(name) {
  const spread = SPREAD.has(name);
  return {
    [name](...args) {
      const [prepare, body, arity] = op(name);
      let at = args.findIndex((a, k) => k > 0 && typeof a === 'function');
      if (at < 0 || at > arity - 1) at = arity - 1;
      const cb = args[at];
      u().validateFunction(cb, 'cb');
      const prepared = prepare(...args.slice(0, at));
      u().runAsync(body(...prepared), spread ? (err, r) => (err ? cb(err) : cb(null, r[0], r[1])) : cb);
    },
  }[name];
}
//< node.fs-callback-form

const fs = {}; // built here, then exported in node's key order (the end of the file)

const NAMES = [
  'appendFile', 'access', 'chown', 'chmod', 'close', 'copyFile', 'cp', 'fchown', 'fchmod',
  'fdatasync', 'fstat', 'fsync', 'ftruncate', 'futimes', 'lchown', 'link', 'lstat', 'lutimes',
  'mkdir', 'mkdtemp', 'open', 'readdir', 'read', 'readv', 'readFile', 'readlink', 'realpath',
  'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
  'write', 'writev',
];
for (const name of NAMES) {
  fs[name] = callbackForm(name);
  fs[`${name}Sync`] = syncForm(name);
}

// close's callback may be left out: a failure is then thrown from the loop, as node's
// default callback does.
const closeGeneral = fs.close;
const defaultCloseCallback = (err) => {
  if (err != null) throw err;
};
fs.close = function close(fd, callback = defaultCloseCallback) {
  closeGeneral(fd, callback);
};

// ==== readFile: the fast path ====

// A path with at most an encoding goes to fs.c's single request (open, read, close on
// one worker); a descriptor, a flag or a signal take the general path.
function simpleReadOptions(options) {
  return options == null || typeof options === 'string' || typeof options === 'function' ||
    (typeof options === 'object' && options.flag == null && options.signal == null);
}

const readFileGeneral = fs.readFile, readFileSyncGeneral = fs.readFileSync;
fs.readFile = function readFile(path, options, callback) {
  if (typeof path === 'string' && simpleReadOptions(options))
    return binding.readFile(path, options, callback);
  return readFileGeneral(path, options, callback);
};
fs.readFileSync = function readFileSync(path, options) {
  if (typeof path === 'string' && simpleReadOptions(options)) return binding.readFileSync(path, options);
  return readFileSyncGeneral(path, options);
};

// statSync and lstatSync with { throwIfNoEntry: false } answer undefined for a missing path.
for (const name of ['statSync', 'lstatSync']) {
  const sync = fs[name];
  fs[name] = {
    [name](path, options) {
      try {
        return sync(path, options);
      } catch (err) {
        if (err.code === 'ENOENT' && options && options.throwIfNoEntry === false) return undefined;
        throw err;
      }
    },
  }[name];
}

// node's cpSync numbers its "is a directory (not copied)" error 22, cp and fs.promises.cp 21.
const cpSyncGeneral = fs.cpSync;
fs.cpSync = function cpSync(src, dest, options) {
  try {
    return cpSyncGeneral(src, dest, options);
  } catch (err) {
    if (err.code === 'ERR_FS_EISDIR') err.errno = 22;
    throw err;
  }
};

// ==== exists ====

fs.exists = function exists(path, callback) {
  u().validateFunction(callback, 'cb');
  try {
    path = u().toPath(path);
  } catch {
    return process.nextTick(callback, false);
  }
  binding.access(path, constants.F_OK, (err) => callback(!err));
};

// util.promisify(fs.exists): a promise of the boolean (the callback has no error first).
Object.defineProperty(fs.exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

fs.existsSync = function existsSync(path) {
  try {
    binding.access(u().toPath(path), constants.F_OK);
    return true;
  } catch {
    return false;
  }
};

// realpath.native: realpath(3) itself, whose failure says 'realpath' (not lstat).
fs.realpath.native = (path, options, callback) => {
  if (typeof options === 'function') callback = options, options = undefined;
  u().validateFunction(callback, 'cb');
  const [prepare, body] = op('realpath');
  u().runAsync(body(...prepare(path, options), true), callback);
};
fs.realpathSync.native = (path, options) => {
  return u().encodedName(binding.realpath(u().toPath(path)), u().getOptions(options));
};

// ==== Streams, directories, watching: loaded on first use ====

// A getter that loads its module on first use, and a setter that replaces it (node's).
function lazy(name, load) {
  let value;
  Object.defineProperty(fs, name, {
    get: { [`get ${name}`]() { return value === undefined ? load() : value; } }[`get ${name}`],
    set: { [`set ${name}`](v) { value = v; } }[`set ${name}`],
    enumerable: true, configurable: true,
  });
}

fs.createReadStream = function createReadStream(path, options) {
  const { ReadStream } = require('internal/fs/streams');
  return new ReadStream(path, options);
};
fs.createWriteStream = function createWriteStream(path, options) {
  const { WriteStream } = require('internal/fs/streams');
  return new WriteStream(path, options);
};
fs.watchFile = function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
};
fs.unwatchFile = function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
};
fs.watch = function watch() {
  throw u().makeError(0, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'fs.watch is not supported by tinynode (use fs.watchFile)');
};

// What node has but tinynode cannot give: lchmod (node has it on macOS only) and
// openAsBlob (no Blob yet).
fs.lchmod = undefined;
fs.lchmodSync = undefined;
fs.openAsBlob = function openAsBlob() {
  throw u().makeError(0, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'fs.openAsBlob is not supported by tinynode (no Blob yet)');
};
fs._toUnixTimestamp = function toUnixTimestamp(time, name) {
  return require('internal/fs/ops').toUnixTimestamp(time, name);
};

fs.Stats = Stats;
fs.Dirent = Dirent;
lazy('ReadStream', () => require('internal/fs/streams').ReadStream);
lazy('WriteStream', () => require('internal/fs/streams').WriteStream);
lazy('Dir', () => require('internal/fs/dir').Dir);
lazy('opendir', () => require('internal/fs/dir').opendir);
lazy('opendirSync', () => require('internal/fs/dir').opendirSync);
lazy('FileReadStream', () => require('internal/fs/streams').ReadStream);
lazy('FileWriteStream', () => require('internal/fs/streams').WriteStream);
fs.F_OK = constants.F_OK;
fs.R_OK = constants.R_OK;
fs.W_OK = constants.W_OK;
fs.X_OK = constants.X_OK;
Object.defineProperty(fs, 'constants', { value: constants, enumerable: true });
Object.defineProperty(fs, 'promises', {
  get() { return require('fs/promises'); }, enumerable: true, configurable: true,
});

// Node's order of the module's keys, which Object.keys and console.log show.
const ORDER = `appendFile appendFileSync access accessSync chown chownSync chmod chmodSync close
  closeSync copyFile copyFileSync cp cpSync createReadStream createWriteStream exists existsSync
  fchown fchownSync fchmod fchmodSync fdatasync fdatasyncSync fstat fstatSync fsync fsyncSync
  ftruncate ftruncateSync futimes futimesSync lchown lchownSync lchmod lchmodSync link linkSync
  lstat lstatSync lutimes lutimesSync mkdir mkdirSync mkdtemp mkdtempSync open openSync
  openAsBlob readdir readdirSync read readSync readv readvSync readFile readFileSync readlink
  readlinkSync realpath realpathSync rename renameSync rm rmSync rmdir rmdirSync stat statfs
  statSync statfsSync symlink symlinkSync truncate truncateSync unwatchFile unlink unlinkSync
  utimes utimesSync watch watchFile writeFile writeFileSync write writeSync writev writevSync
  Dirent Stats ReadStream WriteStream FileReadStream FileWriteStream _toUnixTimestamp Dir
  opendir opendirSync F_OK R_OK W_OK X_OK constants promises`.split(/\s+/);
for (const key of ORDER) Object.defineProperty(module.exports, key, Object.getOwnPropertyDescriptor(fs, key));
