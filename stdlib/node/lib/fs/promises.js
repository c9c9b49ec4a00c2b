'use strict';
// fs/promises (also fs.promises): the operations of internal/fs/ops as async functions,
// each step a job on the thread pool, and FileHandle, an open descriptor with methods.
// Book: chapter 11, "Files".

const { constants, runPromise, makeError } = require('internal/fs/utils');
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

function closedError(syscall) {
  const err = makeError(0, 'EBADF', 'file closed');
  Object.assign(err, { errno: -9, code: 'EBADF', syscall });
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
fdMethod('writeFile', promiseForm('writeFile'));
fdMethod('appendFile', promiseForm('appendFile'));
FileHandle.prototype.createReadStream = function createReadStream(options) {
  const { ReadStream } = require('internal/fs/streams');
  return new ReadStream(undefined, { ...options, fd: this });
};
FileHandle.prototype.createWriteStream = function createWriteStream(options) {
  const { WriteStream } = require('internal/fs/streams');
  return new WriteStream(undefined, { ...options, fd: this });
};
FileHandle.prototype.readLines = function readLines(options) {
  const { createInterface } = require('readline');
  return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
};

// A FileHandle where node takes a path or a descriptor (readFile, writeFile, appendFile).
function unwrap(form) {
  return (path, ...rest) => form(path instanceof FileHandle ? path[kFd] : path, ...rest);
}

const openForm = promiseForm('open');
const promises = {
  access: promiseForm('access'),
  copyFile: promiseForm('copyFile'),
  cp: promiseForm('cp'),
  async open(...args) { return new FileHandle(await openForm(...args)); },
  opendir(path, options) { return require('internal/fs/dir').opendirPromise(path, options); },
  rename: promiseForm('rename'),
  truncate: promiseForm('truncate'),
  rm: promiseForm('rm'),
  rmdir: promiseForm('rmdir'),
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
  writeFile: unwrap(promiseForm('writeFile')),
  appendFile: unwrap(promiseForm('appendFile')),
  readFile: unwrap(promiseForm('readFile')),
  watch() {
    throw makeError(0, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'fs.watch is not supported by tinynode (use fs.watchFile)');
  },
  constants,
};
module.exports = promises;
