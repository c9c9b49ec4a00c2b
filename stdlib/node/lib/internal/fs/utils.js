'use strict';
// internal/fs/utils: what every form of fs shares. Node's argument checks (paths, file
// descriptors, flags, modes, encodings, options) and their errors; Stats and Dirent;
// and the two drivers that run one fs operation written as a generator either now
// (*Sync) or through the thread pool (callbacks and promises). Book: chapter 11, "Files".

const binding = require('internal/fs');
const { argType, argValue, outOfRange, makeError } = require('internal/errors');
const { Buffer } = require('buffer');

const { constants } = binding;

// ==== Argument checks (node's lib/internal/fs/utils.js and validators.js) ====

function validateFunction(value, name) {
  if (typeof value !== 'function') throw argType(name, 'of type function', value);
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw argType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  validateInteger(value, name, min, max);
}

function validateUint32(value, name) {
  validateInteger(value, name, 0, 4294967295);
}

const validateFd = (fd) => validateInt32(fd, 'fd', 0);

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw argType(name, 'of type boolean', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw argType(name, 'of type object', value);
}

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

// A path: a string, a Buffer (its UTF-8 text) or a file: URL, without NUL characters.
function toPath(path, name = 'path') {
  if (typeof path !== 'string') {
    if (isUint8Array(path)) path = Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
    else if (isURL(path)) path = fileURLToPath(path);
    else throw argType(name, 'of type string or an instance of Buffer or URL', path);
  }
  if (path.includes('\u0000'))
    throw argValue(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  return path;
}

function isURL(value) {
  return value != null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string' && value.auth === undefined && value.path === undefined;
}

function fileURLToPath(url) {
  if (url.protocol !== 'file:') throw makeError(1, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '' && url.hostname !== undefined)
    throw makeError(1, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  if (/%2f/i.test(url.pathname))
    throw makeError(1, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(url.pathname);
}

// The flags of open, by name (node's stringToFlags).
const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, O_SYNC } = constants;
const FLAGS = {
  r: O_RDONLY, rs: O_RDONLY | O_SYNC, sr: O_RDONLY | O_SYNC, 'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY, wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR, 'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY, ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC, 'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};
for (const [a, b] of [['xw', 'wx'], ['xw+', 'wx+'], ['xa', 'ax'], ['sa', 'as'], ['xa+', 'ax+'], ['sa+', 'as+']])
  FLAGS[a] = FLAGS[b];

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  const value = Object.prototype.hasOwnProperty.call(FLAGS, flags) ? FLAGS[flags] : undefined;
  if (value === undefined) throw argValue(name, flags);
  return value;
}

// A mode: a number, or an octal string ('644').
function parseFileMode(value, name, def) {
  if (value == null && def !== undefined) return def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) throw argValue(name, value, 'must be a 32-bit unsigned integer or an octal string');
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding))
    throw argValue('encoding', encoding, 'is invalid encoding');
}

// getOptions: a string is the encoding; an object is copied over the defaults.
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') options = { ...defaults, encoding: options };
  else if (typeof options !== 'object') throw argType('options', 'one of type string or object', options);
  else options = { ...defaults, ...options };
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    const { validateAbortSignal } = require('internal/event_target');
    validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

// Bytes in the encoding asked for ('buffer' or none: the Buffer itself).
function encoded(buffer, encoding) {
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

// A name in the encoding asked for (readdir, readlink, realpath, mkdtemp): its UTF-8
// bytes as a Buffer, or those bytes decoded in another encoding ('hex', 'base64', ...).
function encodedName(name, options) {
  const encoding = options && (typeof options === 'string' ? options : options.encoding);
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  return encoding === 'buffer' ? Buffer.from(name) : Buffer.from(name).toString(encoding);
}

// The bytes of data to write: a string in its encoding, or any ArrayBuffer view.
function dataBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (!isArrayBufferView(data))
    throw argType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function abortError(signal) {
  const { AbortError } = require('internal/event_target');
  return new AbortError(undefined, { cause: signal && signal.reason });
}

// Node's SystemError for the fs checks done in JavaScript (ERR_FS_EISDIR and the like).
function systemError(code, context) {
  const message = `${context.message}: ${context.syscall} returned ${context.code} (${context.message2}) ${context.path}`;
  const info = { message: context.message2, path: context.path, syscall: context.syscall, errno: context.errno, code: context.code };
  return require('internal/errors').systemError(code, message, info, ['errno', 'syscall', 'path']);
}

const { Stats, StatFs, Dirent, kType } = require('internal/fs/stats');

function statsOf(fields) {
  return fields === undefined ? undefined : new Stats(...fields);
}

// ==== Running an operation ====

//> node.fs-drivers
// An fs function is written once, as a generator that yields [operation, ...arguments]
// for internal/fs and gets back the result. runSync calls the binding directly (the
// system call happens now); runAsync passes a callback, so that each step is one job
// on the thread pool and the next step starts from the loop when it is done.
function runSync(gen) {
  let step = gen.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let value;
    try {
      value = op === '__await' ? args[0] : binding[op](...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

function runAsync(gen, callback) {
  const next = (err, value) => {
    let step;
    try {
      step = err ? gen.throw(err) : gen.next(value);
    } catch (thrown) {
      return callback(thrown);
    }
    if (step.done) return step.value === undefined ? callback(null) : callback(null, step.value);
    const [op, ...args] = step.value;
    if (op === '__await') args[0].then((v) => next(null, v), (e) => next(e || new Error(String(e))));
    else binding[op](...args, next);
  };
  next(null);
}

function runPromise(gen) {
  return new Promise((resolve, reject) => {
    runAsync(gen, (err, value) => (err ? reject(err) : resolve(value)));
  });
}
//< node.fs-drivers

module.exports = {
  binding, constants, Buffer, validateFunction, validateInteger, validateInt32, validateUint32,
  validateFd, validateBoolean, validateObject, isArrayBufferView, toPath, stringToFlags,
  parseFileMode, assertEncoding, getOptions, encoded, encodedName, dataBytes, abortError,
  systemError, Stats, StatFs, statsOf, Dirent, kType, runSync, runAsync, runPromise,
  argType, argValue, outOfRange, makeError,
};
