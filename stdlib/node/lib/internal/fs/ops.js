'use strict';
// internal/fs/ops: every fs operation written once. Each entry has `prepare`, which
// checks the arguments as node does and returns them normalised (it throws node's
// argument errors), and `body`, a generator yielding [internal/fs operation, ...args]
// steps (internal/fs/utils runs it now or on the pool). fs.js makes the *Sync, callback
// and promise forms of each from these. Book: chapter 11, "Files".

const {
  constants, Buffer, validateFunction, validateInteger, validateInt32, validateUint32, validateFd,
  validateBoolean, validateObject, isArrayBufferView, toPath, stringToFlags, parseFileMode,
  getOptions, encoded, encodedName, dataBytes, abortError, systemError, statsOf, StatFs, Dirent,
  argType, outOfRange, makeError,
} = require('internal/fs/utils');

const kMaxLength = 2 ** 32;

function getValidMode(mode, type) {
  const [min, max, def] = type === 'copyFile' ? [0, 7, 0] : [0, 7, constants.F_OK];
  if (mode == null) return def;
  if (!Number.isInteger(mode) || (mode | 0) !== mode)
    throw makeError(1, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  if (mode < min || mode > max) throw makeError(2, 'ERR_OUT_OF_RANGE', `mode is out of range: >= ${min} && <= ${max}`);
  return mode;
}

// A time as seconds: a number, a numeric string, or a Date.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw argType(name, 'an instance of Date or an Time in seconds', time);
}

// symlink's type: a string must be one node knows; POSIX links have no type, so it is
// only checked (anything not a string is ignored, as node does).
function symlinkType(type) {
  if (typeof type === 'string' && !['dir', 'file', 'junction'].includes(type))
    throw makeError(0, 'ERR_FS_INVALID_SYMLINK_TYPE', `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
  return type;
}

function checkAborted(signal) {
  if (signal && signal.aborted) throw abortError(signal);
}

// ==== Whole files ====

function readFileOptions(options) {
  return getOptions(options, { flag: 'r' });
}

//> node.fs-read-file
// readFile beyond internal/fs's own fast request: a descriptor, a flag, a signal.
function* readFileBody(path, options) {
  checkAborted(options.signal); // before any step: node calls back at once
  const isFd = typeof path === 'number';
  const fd = isFd ? path : yield ['open', path, stringToFlags(options.flag), 0o666];
  const chunks = [];
  let total = 0;
  try {
    const size = (yield ['fstat', fd])[8];
    for (let want = size > 0 ? size : 8192; ;) {
      const chunk = Buffer.allocUnsafeSlow(want);
      const n = yield ['read', fd, chunk, 0, want, -1];
      checkAborted(options.signal);
      if (n === 0) break;
      chunks.push(n === want ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > kMaxLength) throw makeError(2, 'ERR_FS_FILE_TOO_LARGE', `File size (${total}) is greater than 2 GiB`);
      want = 65536;
    }
  } finally {
    if (!isFd) yield ['close', fd];
  }
  return encoded(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), options.encoding);
}
//< node.fs-read-file

function writeFileOptions(options, flag) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag });
  if (options.flush != null) validateBoolean(options.flush, 'options.flush');
  return options;
}

function* writeFileBody(path, bytes, options) {
  const isFd = typeof path === 'number';
  checkAborted(options.signal);
  const fd = isFd ? path : yield ['open', path, stringToFlags(options.flag), parseFileMode(options.mode, 'mode', 0o666)];
  try {
    checkAborted(options.signal);
    yield ['write', fd, bytes, -1];
    if (options.flush) yield ['fsync', fd];
  } finally {
    if (!isFd) yield ['close', fd];
  }
}

// isInt32 decides: an integer is a descriptor, anything else must be a path.
function pathOrFd(path) {
  return (path | 0) === path ? (validateFd(path), path) : toPath(path);
}

function prepareWriteFile(flag) {
  return (path, data, options) => {
    options = writeFileOptions(options, flag); // node's order: options, data, path
    const bytes = dataBytes(data, options.encoding);
    return [pathOrFd(path), bytes, options];
  };
}

// ==== Descriptors ====

function prepareRead(fd, buffer, offset, length, position) {
  validateFd(fd);
  if (buffer === undefined || (!isArrayBufferView(buffer) && typeof buffer === 'object' && buffer !== null)) {
    const o = buffer || {};
    buffer = o.buffer === undefined ? Buffer.alloc(16384) : o.buffer;
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = o);
  }
  if (!isArrayBufferView(buffer))
    throw argType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
  if (offset !== null && typeof offset === 'object')
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (length === undefined) length = buffer.byteLength - offset;
  length |= 0;
  if (length === 0) return [fd, buffer, offset, 0, -1];
  if (buffer.byteLength === 0) throw makeError(1, 'ERR_INVALID_ARG_VALUE', `The argument 'buffer' is empty and cannot be written. Received ${require('util').inspect(buffer)}`);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  if (offset + length > buffer.byteLength) throw outOfRange('length', `<= ${buffer.byteLength - offset}`, length);
  position = positionOf(position);
  return [fd, buffer, offset, length, position];
}

function positionOf(position) {
  if (position == null || position === -1) return -1;
  if (typeof position === 'bigint') position = Number(position);
  validateInteger(position, 'position', -1);
  return position;
}

function* readBody(fd, buffer, offset, length, position) {
  const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const n = length === 0 ? 0 : yield ['read', fd, view, offset, length, position];
  return [n, buffer];
}

// write(fd, buffer[, offset[, length[, position]]]) or write(fd, string[, position[, encoding]])
function prepareWrite(fd, data, a, b, c) {
  validateFd(fd);
  if (isArrayBufferView(data)) {
    let offset = a, length = b, position = c;
    if (offset !== null && typeof offset === 'object') ({ offset = 0, length = data.byteLength - offset, position = null } = offset);
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = data.byteLength - offset;
    if (offset > data.byteLength) throw outOfRange('offset', `<= ${data.byteLength}`, offset);
    if (length > data.byteLength - offset) throw outOfRange('length', `<= ${data.byteLength - offset}`, length);
    if (length < 0) throw outOfRange('length', '>= 0', length);
    validateInt32(length, 'length', 0);
    const bytes = Buffer.from(data.buffer, data.byteOffset + offset, length);
    return [fd, bytes, positionOf(typeof position === 'number' ? position : null), data];
  }
  if (typeof data !== 'string')
    throw argType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  const encoding = typeof b === 'string' ? b : 'utf8';
  return [fd, Buffer.from(data, encoding), positionOf(typeof a === 'number' ? a : null), data];
}

function* writeBody(fd, bytes, position, data) {
  const n = yield ['write', fd, bytes, position];
  return [n, data];
}

function prepareVector(fd, buffers, position) {
  validateFd(fd);
  if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView))
    throw argType('buffers', 'an ArrayBufferView[]', buffers);
  return [fd, buffers, positionOf(typeof position === 'number' ? position : null)];
}

function* readvBody(fd, buffers, position) {
  let total = 0;
  for (const b of buffers) {
    if (b.byteLength === 0) continue;
    const n = yield ['read', fd, new Uint8Array(b.buffer, b.byteOffset, b.byteLength), 0, b.byteLength, position < 0 ? -1 : position + total];
    total += n;
    if (n < b.byteLength) break;
  }
  return [total, buffers];
}

function* writevBody(fd, buffers, position) {
  const bytes = Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  const n = yield ['write', fd, bytes, position];
  return [n, buffers];
}

// ==== Directories ====

function readdirOptions(options) {
  return getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
}

function* readdirBody(path, options) {
  const withTypes = !!options.withFileTypes;
  const list = yield ['readdir', path, withTypes || options.recursive ? 1 : 0, 0];
  const [names, types] = Array.isArray(list[0]) ? list : [list, null];
  if (!options.recursive) {
    if (withTypes) return names.map((name, k) => new Dirent(encodedName(name, options), types[k], path));
    return names.map((name) => encodedName(name, options));
  }
  const out = [];
  const queue = [[path, '', names, types]];
  while (queue.length) {
    const [dir, rel, n, t] = queue.shift();
    for (let k = 0; k < n.length; k++) {
      const relName = rel ? `${rel}/${n[k]}` : n[k];
      out.push(withTypes ? new Dirent(n[k], t[k], dir) : encodedName(relName, options));
      // node descends by the encoded name, so names in 'hex' and the like stay at the top
      if (t[k] === constants.UV_DIRENT_DIR && (withTypes || encodedName(n[k], options) === n[k])) {
        const sub = require('path').join(dir, n[k]);
        const [sn, st] = yield ['readdir', sub, 1, 0];
        queue.push([sub, relName, sn, st]);
      }
    }
  }
  return out;
}

function prepareMkdir(path, options) {
  let mode = 0o777, recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = parseFileMode(options, 'mode');
  else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'mode');
  }
  validateBoolean(recursive, 'options.recursive');
  return [toPath(path), mode, recursive];
}

function* mkdirBody(path, mode, recursive) {
  return yield ['mkdir', path, mode, recursive ? 1 : 0];
}

function prepareRm(path, options) {
  path = toPath(path);
  if (options !== undefined) validateObject(options, 'options');
  const o = { force: false, recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(o.force, 'options.force');
  validateBoolean(o.recursive, 'options.recursive');
  validateUint32(o.maxRetries, 'options.maxRetries');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  return [path, o];
}

//> node.fs-rm
// rm: lstat first (ENOENT is no error with force); a directory needs recursive, and
// then goes in one request that removes the whole tree on a worker.
function* rmBody(path, options) {
  let fields;
  try {
    fields = yield ['lstat', path];
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  const isDir = (fields[1] & constants.S_IFMT) === constants.S_IFDIR;
  if (isDir && !options.recursive)
    throw systemError('ERR_FS_EISDIR', { code: 'EISDIR', message: 'Path is a directory', message2: 'is a directory', path, syscall: 'rm', errno: 21 });
  yield [isDir ? 'rmtree' : 'unlink', path];
}
//< node.fs-rm

let warnedRecursiveRmdir = false;

// rmdir's options, checked as node checks them; recursive, deprecated, warns once first.
function prepareRmdir(path, options) {
  path = toPath(path);
  if (options && options.recursive && !warnedRecursiveRmdir) {
    warnedRecursiveRmdir = true;
    process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
  }
  if (options !== undefined) validateObject(options, 'options');
  const o = { recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(o.recursive, 'options.recursive');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  validateUint32(o.maxRetries, 'options.maxRetries');
  return [path, o];
}

// rmdir; with recursive, a directory (by lstat, or stat for the promise form) goes as a
// tree, and anything else to rmdir itself, whose error (ENOTDIR) is the one reported.
function* rmdirBody(path, options, statOp = 'lstat') {
  if (options.recursive && isDirFields(yield [statOp, path])) {
    yield ['rmtree', path];
    return;
  }
  yield ['rmdir', path];
}

// realpath: a failure is reported as node's JavaScript realpath reports it (the promise
// form and .native say realpath, the error of realpath(3) itself).
function* realpathBody(path, options, native) {
  try {
    return encodedName(yield ['realpath', path], options);
  } catch (err) {
    if (native || !['ENOENT', 'ENOTDIR', 'ELOOP'].includes(err.code)) throw err;
    yield* walkPath(require('path').resolve(path)); // the first step to fail is the error
    throw err;
  }
}

// node's walk: lstat each component of the absolute path; a link is stat'ed (where a
// dangling link or a loop fails) and the walk goes on from its target.
function* walkPath(absolute) {
  let base = '';
  for (const part of absolute.split('/').slice(1)) {
    base += `/${part}`;
    if (isLinkFields(yield ['lstat', base])) {
      yield ['stat', base];
      base = yield ['realpath', base];
      if (base === '/') base = '';
    }
  }
}

// ==== Copying a tree (cp) ====

function prepareCp(src, dest, options) {
  if (options !== undefined && options !== null) validateObject(options, 'options');
  const o = { dereference: false, errorOnExist: false, force: true, preserveTimestamps: false, recursive: false, verbatimSymlinks: false, ...options };
  for (const key of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks'])
    validateBoolean(o[key], `options.${key}`);
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  return [toPath(src, 'src'), toPath(dest, 'dest'), o];
}

const isDirFields = (f) => (f[1] & constants.S_IFMT) === constants.S_IFDIR;
const isLinkFields = (f) => (f[1] & constants.S_IFMT) === constants.S_IFLNK;

function* lstatOrNull(path) {
  try {
    return yield ['lstat', path];
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

// node's cp errors: the errno, the system error code and the message of each.
const CP_ERRORS = {
  ERR_FS_CP_EINVAL: [22, 'EINVAL', 'Invalid src or dest'],
  ERR_FS_CP_EEXIST: [17, 'EEXIST', 'Target already exists'],
  ERR_FS_CP_DIR_TO_NON_DIR: [21, 'EISDIR', 'Cannot overwrite non-directory with directory'],
  ERR_FS_CP_NON_DIR_TO_DIR: [20, 'ENOTDIR', 'Cannot overwrite directory with non-directory'],
};

function cpError(code, message2, path) {
  const [errno, systemCode, message] = CP_ERRORS[code];
  return systemError(code, { code: systemCode, message, message2, path, syscall: 'cp', errno });
}

// A dest that exists must be of src's kind: both directories, or neither.
function checkKinds(src, dest, st, existing) {
  if (isDirFields(st) && !isDirFields(existing))
    throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
  if (!isDirFields(st) && isDirFields(existing))
    throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
}

function* cpBody(src, dest, options) {
  const path = require('path');
  const resolvedSrc = path.resolve(src), resolvedDest = path.resolve(dest);
  if (resolvedSrc === resolvedDest)
    throw cpError('ERR_FS_CP_EINVAL', 'src and dest cannot be the same', dest);
  const st = yield [options.dereference ? 'stat' : 'lstat', src];
  const existing = yield* lstatOrNull(dest);
  if (existing) checkKinds(src, dest, st, existing);
  if (isDirFields(st) && (resolvedDest + '/').startsWith(resolvedSrc + '/'))
    throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  if (isDirFields(st) && !options.recursive) {
    throw systemError('ERR_FS_EISDIR', { code: 'EISDIR', message: 'Path is a directory', message2: `${src} is a directory (not copied)`, path: src, syscall: 'cp', errno: 21 });
  }
  yield* cpEntry(src, dest, st, options, existing);
}

// Copies src (st its stats) to dest; existing is dest's lstat when the caller has it
// checked already (null: missing), else it is asked here.
function* cpEntry(src, dest, st, options, existing) {
  if (options.filter && !(yield* filtered(options.filter(src, dest)))) return;
  if (existing === undefined) {
    existing = yield* lstatOrNull(dest);
    if (existing) checkKinds(src, dest, st, existing);
  }
  if (isDirFields(st)) {
    if (!existing) yield ['mkdir', dest, st[1] & 0o7777, 0];
    const list = yield ['readdir', src, 1, 0];
    for (const name of list[0]) {
      const child = `${src}/${name}`;
      yield* cpEntry(child, `${dest}/${name}`, yield [options.dereference ? 'stat' : 'lstat', child], options);
    }
    return;
  }
  if (existing) {
    if (!options.force) {
      if (options.errorOnExist) throw cpError('ERR_FS_CP_EEXIST', `${dest} already exists`, dest);
      return;
    }
    yield ['unlink', dest];
  }
  if (isLinkFields(st)) {
    const target = yield ['readlink', src];
    const path = require('path');
    return yield ['symlink', options.verbatimSymlinks ? target : path.resolve(path.dirname(src), target), dest];
  }
  yield ['copyfile', src, dest, 0];
  if (options.preserveTimestamps) yield ['utimes', dest, st[10] / 1000, st[11] / 1000];
}

// options.filter may return a promise; the async drivers see a thenable as a step.
function* filtered(answer) {
  return answer && typeof answer.then === 'function' ? yield ['__await', answer] : answer;
}

// BigInt stats (BigIntStats, *Ns fields) are not made: say so rather than give numbers.
function noBigInt(options) {
  if (options && options.bigint)
    throw makeError(0, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'fs stat with { bigint: true } is not supported by tinynode');
  return options;
}

// ==== The table: name -> [prepare, body, arity (callback form, cb included)] ====

const one = (op, ...kinds) => [
  (...args) => kinds.map((kind, k) => kind(args[k], k)),
  function* (...args) { return yield [op, ...args]; },
];
const P = (v, k) => toPath(v, k === 1 ? 'dest' : 'path');
const FD = (v) => (validateFd(v), v);
const LEN = (v) => (v === undefined || v === null ? 0 : (validateInteger(v, 'len'), Math.max(0, v)));
const UID = (v) => (validateInteger(v, 'uid', -1, 4294967295), v);
const GID = (v) => (validateInteger(v, 'gid', -1, 4294967295), v);

const table = {
  access: [(p, m) => [toPath(p), getValidMode(m, 'access')], function* (p, m) { yield ['access', p, m]; }, 3],
  open: [
    (p, flags, mode) => [toPath(p), stringToFlags(flags), parseFileMode(mode, 'mode', 0o666)],
    function* (p, f, m) { return yield ['open', p, f, m]; }, 4],
  close: [...one('close', FD), 2],
  read: [prepareRead, readBody, 6],
  write: [prepareWrite, writeBody, 6],
  readv: [prepareVector, readvBody, 4],
  writev: [prepareVector, writevBody, 4],
  fsync: [...one('fsync', FD), 2],
  fdatasync: [...one('fdatasync', FD), 2],
  ftruncate: [...one('ftruncate', FD, LEN), 3],
  truncate: [
    (p, len) => [typeof p === 'number' ? FD(p) : toPath(p), LEN(len)],
    function* (p, len) { yield [typeof p === 'number' ? 'ftruncate' : 'truncate', p, len]; }, 3],
  stat: [(p, o) => [toPath(p), noBigInt(o)], function* (p) { return statsOf(yield ['stat', p]); }, 3],
  lstat: [(p, o) => [toPath(p), noBigInt(o)], function* (p) { return statsOf(yield ['lstat', p]); }, 3],
  fstat: [(fd, o) => [FD(fd), noBigInt(o)], function* (fd) { return statsOf(yield ['fstat', fd]); }, 3],
  statfs: [(p, o) => [toPath(p), noBigInt(o)], function* (p) { return new StatFs(...(yield ['statfs', p])); }, 3],
  readdir: [(p, o) => [toPath(p), readdirOptions(o)], readdirBody, 3],
  mkdir: [prepareMkdir, mkdirBody, 3],
  mkdtemp: [
    (prefix, o) => [toPath(prefix, 'prefix'), getOptions(o, { encoding: 'utf8' })],
    function* (prefix, o) { return encodedName(yield ['mkdtemp', prefix], o); }, 3],
  rm: [prepareRm, rmBody, 3],
  rmdir: [prepareRmdir, rmdirBody, 3],
  unlink: [...one('unlink', P), 2],
  rename: [(a, b) => [toPath(a, 'oldPath'), toPath(b, 'newPath')], function* (a, b) { yield ['rename', a, b]; }, 3],
  link: [(a, b) => [toPath(a, 'existingPath'), toPath(b, 'newPath')], function* (a, b) { yield ['link', a, b]; }, 3],
  symlink: [
    (t, p, type) => [toPath(t, 'target'), toPath(p), symlinkType(type)],
    function* (t, p) { yield ['symlink', t, p]; }, 4],
  readlink: [
    (p, o) => [toPath(p), getOptions(o)],
    function* (p, o) { return encodedName(yield ['readlink', p], o); }, 3],
  realpath: [(p, o) => [toPath(p), getOptions(o)], realpathBody, 3],
  copyFile: [
    (s, d, m) => [toPath(s, 'src'), toPath(d, 'dest'), getValidMode(m, 'copyFile')],
    function* (s, d, m) { yield ['copyfile', s, d, m]; }, 4],
  cp: [prepareCp, cpBody, 4],
  chmod: [(p, m) => [toPath(p), parseFileMode(m, 'mode')], function* (p, m) { yield ['chmod', p, m]; }, 3],
  fchmod: [(fd, m) => [FD(fd), parseFileMode(m, 'mode')], function* (fd, m) { yield ['fchmod', fd, m]; }, 3],
  chown: [(p, u, g) => [toPath(p), UID(u), GID(g)], function* (p, u, g) { yield ['chown', p, u, g]; }, 4],
  lchown: [(p, u, g) => [toPath(p), UID(u), GID(g)], function* (p, u, g) { yield ['lchown', p, u, g]; }, 4],
  fchown: [(fd, u, g) => [FD(fd), UID(u), GID(g)], function* (fd, u, g) { yield ['fchown', fd, u, g]; }, 4],
  utimes: [
    (p, a, m) => [toPath(p), toUnixTimestamp(a), toUnixTimestamp(m)],
    function* (p, a, m) { yield ['utimes', p, a, m]; }, 4],
  lutimes: [
    (p, a, m) => [toPath(p), toUnixTimestamp(a), toUnixTimestamp(m)],
    function* (p, a, m) { yield ['lutimes', p, a, m]; }, 4],
  futimes: [
    (fd, a, m) => [FD(fd), toUnixTimestamp(a), toUnixTimestamp(m)],
    function* (fd, a, m) { yield ['futimes', fd, a, m]; }, 4],
  readFile: [(p, o) => { o = readFileOptions(o); return [pathOrFd(p), o]; }, readFileBody, 3],
  writeFile: [prepareWriteFile('w'), writeFileBody, 4],
  appendFile: [prepareWriteFile('a'), writeFileBody, 4],
};

module.exports = { table, toUnixTimestamp };
