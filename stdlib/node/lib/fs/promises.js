'use strict';
// fs/promises (also fs.promises): the operations of internal/fs/ops as async functions,
// each step a job on the thread pool, and FileHandle, an open descriptor with methods.
// Book: chapter 11, "Files".

const {
  constants, runPromise, makeError, validateFd, getOptions, abortError, Buffer,
} = require('internal/fs/utils');
const { table } = require('internal/fs/ops');
const EventEmitter = require('events');

// An operation's promise form: argument errors reject, as node's async functions do.
function promiseForm(name, shape = (r) => r) {
  const [prepare, body] = table[name];
  return {
    async [name](...args) {
      return shape(await nodeShaped(name, runPromise(body(...prepare(...args)))));
    },
  }[name];
}

// Where node's own fs/promises awaits the system call of each operation (node 20.20.2's
// lib/internal/fs/promises.js), as its stack shows them: `at async Object.stat
// (node:internal/fs/promises:1033:18)`. An operation that opens first fails in node's
// open(), named below it. Those whose error node makes without frames are not here.
const OPENS = 'async open (node:internal/fs/promises:637:25)';
const NODE_FRAMES = {
  __proto__: null,
  open: ['async Object.open (node:internal/fs/promises:637:25)'],
  readFile: [OPENS, 'async Object.readFile (node:internal/fs/promises:1249:14)'],
  writeFile: [OPENS, 'async Object.writeFile (node:internal/fs/promises:1219:14)'],
  appendFile: [OPENS, 'async writeFile (node:internal/fs/promises:1219:14)'],
  truncate: [OPENS, 'async Object.truncate (node:internal/fs/promises:790:14)'],
  access: ['async Object.access (node:internal/fs/promises:604:10)'],
  copyFile: ['async Object.copyFile (node:internal/fs/promises:621:10)'],
  rename: ['async Object.rename (node:internal/fs/promises:780:10)'],
  rmdir: ['async Object.rmdir (node:internal/fs/promises:822:10)'],
  mkdir: ['async Object.mkdir (node:internal/fs/promises:856:10)'],
  readdir: ['async Object.readdir (node:internal/fs/promises:950:18)'],
  readlink: ['async Object.readlink (node:internal/fs/promises:968:10)'],
  symlink: ['async Object.symlink (node:internal/fs/promises:997:10)'],
  lstat: ['async Object.lstat (node:internal/fs/promises:1022:18)'],
  stat: ['async Object.stat (node:internal/fs/promises:1033:18)'],
  statfs: ['async Object.statfs (node:internal/fs/promises:1044:18)'],
  link: ['async Object.link (node:internal/fs/promises:1056:10)'],
  unlink: ['async Object.unlink (node:internal/fs/promises:1067:10)'],
  chmod: ['async Object.chmod (node:internal/fs/promises:1089:10)'],
  lchown: ['async Object.lchown (node:internal/fs/promises:1108:10)'],
  chown: ['async Object.chown (node:internal/fs/promises:1132:10)'],
  utimes: ['async Object.utimes (node:internal/fs/promises:1141:10)'],
  lutimes: ['async Object.lutimes (node:internal/fs/promises:1163:10)'],
  realpath: ['async Object.realpath (node:internal/fs/promises:1176:10)'],
  mkdtemp: ['async Object.mkdtemp (node:internal/fs/promises:1189:10)'],
};

// A system error of operation `name`, its stack as node's: node's frames, then those of
// the program's async functions waiting for it (an error made here has them, below the
// frames of tinynode's own modules, which are node:-named and left out). An operation
// that opens first has node's frames only for a failed open.
function withNodeFrames(err, name) {
  const frames = NODE_FRAMES[name];
  if (!frames || !(err instanceof Error) || typeof err.syscall !== 'string') return err;
  if ((name === 'open' || frames[0] === OPENS) && err.syscall !== 'open') return err;
  const waiting = new Error().stack.split('\n').filter((l) => /^    at /.test(l) && !/[( ]node:/.test(l));
  const lines = frames.map((f) => `    at ${f}`).concat(waiting);
  err.stack = `${err.name}: ${err.message}\n${lines.slice(0, Error.stackTraceLimit).join('\n')}`;
  return err;
}

// promise, operation name's call, its system error given node's frames. (Awaited here,
// and this awaited by the operation: an error's stack then finds who waits for it.)
async function nodeShaped(name, promise) {
  try {
    return await promise;
  } catch (err) {
    throw withNodeFrames(err, name);
  }
}

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');

// The system call node names when a method meets a closed FileHandle.
const CLOSED_SYSCALL = {
  stat: 'fstat', sync: 'fsync', datasync: 'fdatasync', truncate: 'ftruncate', chmod: 'fchmod',
  chown: 'fchown', utimes: 'futimes', appendFile: 'writeFile',
};

function closedError(method) {
  const err = makeError(0, 'EBADF', 'file closed');
  Object.assign(err, { code: 'EBADF', syscall: CLOSED_SYSCALL[method] || method });
  return err;
}

const read = promiseForm('read', ([bytesRead, buffer]) => ({ __proto__: null, bytesRead, buffer }));
const write = promiseForm('write', ([bytesWritten, buffer]) => ({ __proto__: null, bytesWritten, buffer }));
const readv = promiseForm('readv', ([bytesRead, buffers]) => ({ __proto__: null, bytesRead, buffers }));
const writev = promiseForm('writev', ([bytesWritten, buffers]) => ({ __proto__: null, bytesWritten, buffers }));

//> node.fs-file-handle
// FileHandle: the descriptor, and each fd operation with it as the first argument.
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
  }

  get fd() { return this[kFd]; }

  close() {
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    if (fd === -1) return Promise.resolve();
    this[kFd] = -1;
    this[kClosePromise] = promiseForm('close')(fd).finally(() => this.emit('close'));
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose]() { return this.close(); }
}

function fdMethod(name, form, slot = 0) {
  FileHandle.prototype[name] = async function (...args) {
    if (this[kFd] === -1) throw closedError(name);
    args.splice(slot, 0, this[kFd]);
    return form(...args);
  };
}
//< node.fs-file-handle

fdMethod('read', read);
fdMethod('write', write);
fdMethod('readv', readv);
fdMethod('writev', writev);
fdMethod('stat', promiseForm('fstat'));
fdMethod('sync', promiseForm('fsync'));
fdMethod('datasync', promiseForm('fdatasync'));
fdMethod('truncate', promiseForm('ftruncate'));
fdMethod('chmod', promiseForm('fchmod'));
fdMethod('chown', promiseForm('fchown'));
fdMethod('utimes', promiseForm('futimes'));
fdMethod('readFile', promiseForm('readFile'));
// ==== writeFile and appendFile of an iterable ====

// Besides a string or bytes, the promise forms take an iterable or an async iterable (a
// stream too) of strings and buffers, written one after another.
function isCustomIterable(data) {
  return data != null && typeof data !== 'string' && !ArrayBuffer.isView(data) &&
    (typeof data[Symbol.iterator] === 'function' || typeof data[Symbol.asyncIterator] === 'function');
}

// Each chunk of data written at the descriptor's position, all of it, checking the signal.
async function writeChunks(fd, data, options) {
  for await (const chunk of data) {
    if (options.signal && options.signal.aborted) throw abortError(options.signal);
    const bytes = ArrayBuffer.isView(chunk) ? chunk : Buffer.from(chunk, options.encoding || 'utf8');
    for (let done = 0; done < bytes.byteLength;)
      done += (await write(fd, bytes, done, bytes.byteLength - done, null)).bytesWritten;
  }
}

// writeFile or appendFile (by its default flag) of a path, a descriptor or a FileHandle.
function writeForm(name, flag) {
  const whole = promiseForm(name);
  return {
    async [name](path, data, options) {
      if (path instanceof FileHandle) path = path[kFd];
      // awaited, so that an error's stack names the async functions waiting for this one
      if (!isCustomIterable(data)) return await whole(path, data, options);
      options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag });
      if (options.signal && options.signal.aborted) throw abortError(options.signal);
      if (typeof path === 'number') return writeChunks(path, data, options);
      const fd = await openForm(path, options.flag, options.mode);
      try {
        await writeChunks(fd, data, options);
      } finally {
        await promiseForm('close')(fd);
      }
    },
  }[name];
}

const openForm = promiseForm('open');
const writeFile = writeForm('writeFile', 'w');
const appendFile = writeForm('appendFile', 'a');
fdMethod('writeFile', writeFile);
fdMethod('appendFile', appendFile);
// A stream of a closed FileHandle is refused as node refuses descriptor -1.
function checkOpen(handle) {
  if (handle[kFd] === -1) validateFd(-1);
}

FileHandle.prototype.createReadStream = function createReadStream(options) {
  checkOpen(this);
  const { ReadStream } = require('internal/fs/streams');
  return new ReadStream(undefined, { ...options, fd: this });
};
FileHandle.prototype.createWriteStream = function createWriteStream(options) {
  checkOpen(this);
  const { WriteStream } = require('internal/fs/streams');
  return new WriteStream(undefined, { ...options, fd: this });
};
FileHandle.prototype.readLines = function readLines(options) {
  const { createInterface } = require('readline');
  return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
};

// A FileHandle where node takes a path or a descriptor (readFile; writeForm does its own).
function unwrap(form) {
  return {
    [form.name](path, ...rest) { return form(path instanceof FileHandle ? path[kFd] : path, ...rest); },
  }[form.name];
}

const promises = {
  access: promiseForm('access'),
  copyFile: promiseForm('copyFile'),
  cp: promiseForm('cp'),
  async open(...args) { return new FileHandle(await openForm(...args)); },
  opendir(path, options) { return require('internal/fs/dir').opendirPromise(path, options); },
  rename: promiseForm('rename'),
  truncate: promiseForm('truncate'),
  rm: promiseForm('rm'),
  async rmdir(path, options) { // with recursive, node's promise form asks stat, not lstat
    const [prepare, body] = table.rmdir;
    return await nodeShaped('rmdir', runPromise(body(...prepare(path, options), 'stat')));
  },
  mkdir: promiseForm('mkdir'),
  readdir: promiseForm('readdir'),
  readlink: promiseForm('readlink'),
  symlink: promiseForm('symlink'),
  lstat: promiseForm('lstat'),
  stat: promiseForm('stat'),
  statfs: promiseForm('statfs'),
  link: promiseForm('link'),
  unlink: promiseForm('unlink'),
  chmod: promiseForm('chmod'),
  lchmod: undefined,
  lchown: promiseForm('lchown'),
  chown: promiseForm('chown'),
  utimes: promiseForm('utimes'),
  lutimes: promiseForm('lutimes'),
  async realpath(path, options) {
    const [prepare, body] = table.realpath;
    const [p, o] = prepare(path, options);
    return await nodeShaped('realpath', runPromise(body(p, o, true)));
  },
  mkdtemp: promiseForm('mkdtemp'),
  writeFile,
  appendFile,
  readFile: unwrap(promiseForm('readFile')),
  watch() {
    throw makeError(0, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'fs.watch is not supported by tinynode (use fs.watchFile)');
  },
  constants,
};
module.exports = promises;
