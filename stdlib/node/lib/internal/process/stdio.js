'use strict';
// internal/process/stdio: process.stdin, process.stdout and process.stderr, made on
// first use (process.c's getters call stdin(), stdout(), stderr()). Book: chapter 8,
// "Streams".
//
// stdout and stderr are Writables that write synchronously, to a file, a pipe or a
// terminal alike, as node's do: nothing is queued, so nothing is lost at exit. stdin is
// a Readable on fd 0 read through the event loop (internal/stdio's readStart); it keeps
// the process alive only while someone reads it, and pausing it stops the reading.
// The class names are node's: a terminal's streams are tty.ReadStream/WriteStream, a
// pipe's net.Socket, a file's fs.ReadStream and SyncWriteStream.

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

// Only the side a stream needs is loaded: process.stdout never loads Readable.
function writeClasses() {
  const Writable = require('internal/streams/writable');
  return {
    TTY: named('WriteStream', Writable, {
      ...writeMethods,
      ...binding.ttyWriteMethods,
      getWindowSize() {
        return binding.windowSize(this.fd) || [this.columns, this.rows];
      },
      // On SIGWINCH: the new size, and 'resize' if it changed (node's _refreshSize).
      _refreshSize() {
        const size = binding.windowSize(this.fd);
        if (!size || (size[0] === this.columns && size[1] === this.rows)) return;
        [this.columns, this.rows] = size;
        this.emit('resize');
      },
    }),
    FILE: named('SyncWriteStream', Writable, writeMethods),
    PIPE: named('Socket', Writable, writeMethods),
    UNKNOWN: named('Writable', Writable, writeMethods),
  };
}

function makeWritable(fd) {
  const type = binding.handleType(fd);
  const stream = new (writeClasses()[type])({ decodeStrings: false });
  stream.fd = fd;
  stream._type = type === 'TTY' ? 'tty' : type === 'FILE' ? 'fs' : 'pipe';
  stream._isStdio = true;
  if (type === 'TTY') {
    stream.isTTY = true;
    const size = binding.windowSize(fd);
    if (size) [stream.columns, stream.rows] = size;
    process.on('SIGWINCH', () => stream._refreshSize()); // as node: a listener per stream
  }
  return stream;
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
  if (type !== 'TTY') {
    return named(type === 'FILE' ? 'ReadStream' : type === 'PIPE' ? 'Socket' : 'Readable', Readable, readMethods);
  }
  return named('ReadStream', Readable, {
    ...readMethods,
    setRawMode(flag) {
      flag = !!flag;
      const err = binding.setRawMode(this.fd, flag);
      if (err === 0) this.isRaw = flag;
      return this;
    },
  });
}

function makeStdin() {
  const type = binding.handleType(0);
  // A file is an fs.ReadStream with autoClose: false: it ends without 'close'.
  const file = type === 'FILE';
  const stream = new (readClass(type))({ highWaterMark: file ? 65536 : 16384, autoDestroy: !file });
  stream.fd = 0;
  stream._reading = false;
  if (type === 'TTY') {
    stream.isTTY = true;
    stream.isRaw = false;
  }
  // A paused stdin stops reading (one tick later, once the stream has settled).
  stream.on('pause', () => process.nextTick(() => {
    if (stream.isPaused()) stopReading(stream);
  }));
  return stream;
}

module.exports = {
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
