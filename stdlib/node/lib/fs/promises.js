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
      return shape(await runPromise(body(...prepare(...args))));
    },
  }[name];
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
      if (!isCustomIterable(data)) return whole(path, data, options);
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
    return runPromise(body(...prepare(path, options), 'stat'));
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
    return runPromise(body(p, o, true));
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
