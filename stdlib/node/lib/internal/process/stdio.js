'use strict';
// internal/process/stdio: process.stdin, process.stdout and process.stderr, made on
// first use (process.c's getters call stdin(), stdout(), stderr()). Book: chapter 8,
// "Streams".
//
// stdout and stderr are Writables that write synchronously, to a file, a pipe or a
// terminal alike, as node's do: nothing is queued, so nothing is lost at exit. stdin is
// a Readable on fd 0 read through the event loop (internal/stdio's readStart); it keeps
// the process alive only while someone reads it, and pausing it stops the reading.
// The class names are node's: a terminal's streams are tty.ReadStream/WriteStream (the
// very classes require('tty') gives), a pipe's net.Socket, a file's fs.ReadStream and
// SyncWriteStream.

const binding = require('internal/stdio');
const chunks = require('internal/streams/chunks');

const made = [];

function named(name, Base, body) {
  const C = class extends Base {};
  Object.defineProperty(C, 'name', { value: name });
  Object.assign(C.prototype, body);
  return C;
}

// ==== stdout and stderr ====

const writeMethods = {
  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string' && chunks.normalize(encoding) !== 'utf8') {
      chunk = chunks.fromString(chunk, encoding);
    }
    cb(binding.writeSync(this.fd, chunk));
  },
  // Closing stdout or stderr leaves the fd open, as node's dummyDestroy does.
  _destroy(err, cb) {
    cb(err);
  },
  destroySoon() {
    this.destroy();
  },
};

// Only the side a stream needs is loaded: process.stdout never loads Readable. (A
// terminal's class is tty.WriteStream: ttyWriteStream.)
let writeClassesMade;
function writeClasses() {
  if (writeClassesMade) return writeClassesMade;
  const Writable = require('internal/streams/writable');
  writeClassesMade = {
    FILE: named('SyncWriteStream', Writable, writeMethods),
    PIPE: named('Socket', Writable, writeMethods),
    UNKNOWN: named('Writable', Writable, writeMethods),
  };
  return writeClassesMade;
}

function makeWritable(fd) {
  const type = binding.handleType(fd);
  if (type === 'TTY') {
    const stream = new (ttyWriteStream())(fd); // its fd and _type set
    stream._isStdio = true;
    process.on('SIGWINCH', () => stream._refreshSize()); // as node: a listener per stream
    return stream;
  }
  const stream = new (writeClasses()[type])({ decodeStrings: false });
  stream.fd = fd;
  stream._type = type === 'FILE' ? 'fs' : 'pipe';
  stream._isStdio = true;
  return stream;
}

// ==== The terminal's classes: tty.WriteStream and tty.ReadStream ====

// A descriptor for a terminal stream: node's checks, then uv_tty_init's EINVAL when fd
// is not a terminal.
function checkTtyFd(fd) {
  const { makeError, systemError } = require('internal/errors');
  if (fd >> 0 !== fd || fd < 0) throw makeError(2, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  if (binding.handleType(fd) === 'TTY') return;
  const info = { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' };
  throw systemError('ERR_TTY_INIT_FAILED', 'TTY initialization failed: uv_tty_init returned EINVAL ' +
    '(invalid argument)', info, ['errno', 'syscall']);
}

// The cursor methods of tty.WriteStream: readline's, on this stream.
const cursorMethods = {};
for (const [name, arity] of [['cursorTo', 3], ['moveCursor', 3], ['clearLine', 2], ['clearScreenDown', 1]]) {
  cursorMethods[name] = {
    [name](...args) { return require('readline')[name](this, ...args.slice(0, arity)); },
  }[name];
}

// Copies methods onto a prototype as node's own are there: not enumerable.
function hidden(proto, methods) {
  for (const [key, value] of Object.entries(methods))
    Object.defineProperty(proto, key, { value, writable: true, configurable: true });
}

// tty.WriteStream(fd), made once (require('tty') hands it out): the class of
// process.stdout and process.stderr on a terminal.
let WriteStreamMade;
function ttyWriteStream() {
  if (WriteStreamMade) return WriteStreamMade;
  const Writable = require('internal/streams/writable');
  function WriteStream(fd) {
    if (!(this instanceof WriteStream)) return new WriteStream(fd);
    checkTtyFd(fd);
    Writable.call(this, { decodeStrings: false });
    this.fd = fd;
    this._type = 'tty';
    const size = binding.windowSize(fd);
    if (size) [this.columns, this.rows] = size;
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);
  hidden(WriteStream.prototype, writeMethods);
  Object.assign(WriteStream.prototype, { isTTY: true }, binding.ttyWriteMethods, {
    // On SIGWINCH: the new size, and 'resize' if it changed (node's _refreshSize).
    _refreshSize() {
      const size = binding.windowSize(this.fd);
      if (!size || (size[0] === this.columns && size[1] === this.rows)) return;
      [this.columns, this.rows] = size;
      this.emit('resize');
    },
  }, cursorMethods, {
    getWindowSize() {
      return binding.windowSize(this.fd) || [this.columns, this.rows];
    },
  });
  return (WriteStreamMade = WriteStream);
}

// tty.ReadStream(fd[, options]), made once: the class of process.stdin on a terminal.
let ReadStreamMade;
function ttyReadStream() {
  if (ReadStreamMade) return ReadStreamMade;
  const Readable = require('internal/streams/readable');
  function ReadStream(fd, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
    checkTtyFd(fd);
    Readable.call(this, { highWaterMark: 16384, ...options });
    this.fd = fd;
    this._reading = false;
    this.isRaw = false;
    this.isTTY = true;
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);
  hidden(ReadStream.prototype, readMethods);
  ReadStream.prototype.setRawMode = function setRawMode(flag) {
    flag = !!flag;
    const err = binding.setRawMode(this.fd, flag);
    if (err === 0) this.isRaw = flag;
    return this;
  };
  return (ReadStreamMade = ReadStream);
}

// ==== stdin ====

const readMethods = {
  _read() {
    if (this._reading) return;
    if (this.isTTY && this._readableState.flowing === false && this.isPaused()) {
      this._readableState.reading = false; // a paused terminal is read again once resumed;
      return;                              // meanwhile node lets the process end
    }
    this._reading = true;
    binding.readStart(this.fd, (chunk) => {
      if (chunk === null) {
        this._reading = false;
        this.push(null);
      } else if (chunk instanceof Error) {
        this._reading = false;
        this.destroy(chunk);
      } else if (!this.push(chunk)) {
        stopReading(this);
      }
    });
  },
  _destroy(err, cb) {
    stopReading(this);
    cb(err);
  },
};

function stopReading(stream) {
  if (!stream._reading) return;
  stream._reading = false;
  stream._readableState.reading = false;
  binding.readStop();
}

function readClass(type) {
  const Readable = require('internal/streams/readable');
  return named(type === 'FILE' ? 'ReadStream' : type === 'PIPE' ? 'Socket' : 'Readable', Readable, readMethods);
}

function makeStdin() {
  const type = binding.handleType(0);
  // A file is an fs.ReadStream with autoClose: false: it ends without 'close'.
  const file = type === 'FILE';
  const stream = type === 'TTY' ? new (ttyReadStream())(0)
    : new (readClass(type))({ highWaterMark: file ? 65536 : 16384, autoDestroy: !file });
  stream.fd = 0;
  stream._reading = false;
  // A paused stdin stops reading (one tick later, once the stream has settled).
  stream.on('pause', () => process.nextTick(() => {
    if (stream.isPaused()) stopReading(stream);
  }));
  return stream;
}

module.exports = {
  ttyWriteStream,
  ttyReadStream,
  stdin() {
    return made[0] || (made[0] = makeStdin());
  },
  stdout() {
    return made[1] || (made[1] = makeWritable(1));
  },
  stderr() {
    return made[2] || (made[2] = makeWritable(2));
  },
};
