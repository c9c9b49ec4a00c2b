'use strict';
// internal/fs/streams: fs.ReadStream and fs.WriteStream, the stream module's Readable and
// Writable over a descriptor. _construct opens the file ('open', then 'ready'), each
// _read or _write is one read or write on the thread pool, _destroy closes the file.
// The stream's own buffering gives backpressure: a ReadStream reads highWaterMark bytes
// (64 KiB) only when asked for more, so a file of any size passes in bounded memory.
// Book: chapter 11, "Files".

const { Readable, Writable } = require('stream');
const {
  binding, Buffer, getOptions, validateInteger, validateFunction, toPath, stringToFlags,
  parseFileMode, outOfRange, argType,
} = require('internal/fs/utils');

const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');
const kHandle = Symbol('kHandle');

// What both share: path or descriptor (a number, or a FileHandle), flags, mode, start.
function setup(stream, path, options, defaultFlags) {
  const fd = options.fd === undefined ? null : options.fd;
  if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') {
    stream[kHandle] = fd;
    stream.fd = fd.fd;
  } else {
    stream.fd = fd;
    if (fd !== null) validateInteger(fd, 'fd', 0, 2147483647);
  }
  stream.path = stream.fd === null ? toPath(path) : undefined;
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.start = options.start;
  stream.autoClose = options.autoClose === undefined ? true : options.autoClose;
  stream[kIsPerformingIO] = false;
  if (stream.start !== undefined) validateInteger(stream.start, 'start', 0);
  stream.pos = stream.start;
}

function construct(callback) {
  if (typeof this.fd === 'number') return callback();
  binding.open(this.path, stringToFlags(this.flags), parseFileMode(this.mode, 'mode', 0o666), (err, fd) => {
    if (err) return callback(err);
    this.fd = fd;
    callback();
    this.emit('open', fd);
    this.emit('ready');
  });
}

// Closing waits for a read or write in flight (its buffer is still the worker's).
function destroy(err, callback) {
  if (this[kIsPerformingIO]) return this.once(kIoDone, (er) => close(this, err || er, callback));
  close(this, err, callback);
}

function close(stream, err, callback) {
  if (stream.fd === null || !stream.autoClose) return callback(err);
  const fd = stream.fd;
  stream.fd = null;
  if (stream[kHandle]) {
    return stream[kHandle].close().then(() => callback(err), (er) => callback(er || err));
  }
  binding.close(fd, (er) => callback(er || err));
}

function closeMethod(cb) {
  if (typeof cb === 'function') {
    if (this.closed) return process.nextTick(cb);
    this.once('close', cb);
  }
  this.destroy();
}

const pending = {
  get() { return this.fd === null; }, configurable: true,
};

// ==== ReadStream ====

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...getOptions(options) };
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setup(this, path, options, 'r');
  this.end = options.end === undefined ? Infinity : options.end;
  if (this.end !== Infinity) validateInteger(this.end, 'end', 0);
  if (this.start !== undefined && this.start > this.end)
    throw outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
  this.bytesRead = 0;
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);
Object.defineProperty(ReadStream.prototype, 'pending', pending);
ReadStream.prototype._construct = construct;
ReadStream.prototype._destroy = destroy;
ReadStream.prototype.close = closeMethod;

//> node.fs-read-stream
ReadStream.prototype._read = function (n) {
  const left = this.end - (this.pos !== undefined ? this.pos : this.bytesRead) + 1;
  n = Math.min(left, n);
  if (n <= 0) return this.push(null);
  let buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  binding.read(this.fd, buf, 0, n, this.pos === undefined ? -1 : this.pos, (err, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) return this.emit(kIoDone, err);
    if (err) return this.destroy(err);
    if (bytesRead === 0) return this.push(null);
    if (this.pos !== undefined) this.pos += bytesRead;
    this.bytesRead += bytesRead;
    if (bytesRead !== buf.length) buf = Buffer.from(buf.subarray(0, bytesRead));
    this.push(buf);
  });
};
//< node.fs-read-stream

// ==== WriteStream ====

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...getOptions(options) };
  options.decodeStrings = true;
  setup(this, path, options, 'w');
  if (options.flush != null && typeof options.flush !== 'boolean')
    throw argType('options.flush', 'of type boolean', options.flush);
  this.flush = options.flush == null ? false : options.flush;
  this.bytesWritten = 0;
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);
Object.defineProperty(WriteStream.prototype, 'pending', pending);
WriteStream.prototype._construct = construct;
WriteStream.prototype._destroy = destroy;
WriteStream.prototype.close = function (cb) {
  if (cb) validateFunction(cb, 'cb');
  if (this.closed) return cb && process.nextTick(cb);
  if (cb) this.once('close', cb);
  if (!this.writableEnded) this.end();
  else if (!this.destroyed) this.destroy();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

WriteStream.prototype._write = function (data, encoding, cb) {
  this[kIsPerformingIO] = true;
  binding.write(this.fd, data, this.pos === undefined ? -1 : this.pos, (err, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(err);
      return this.emit(kIoDone, err);
    }
    if (err) return cb(err);
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function (chunks, cb) {
  this._write(Buffer.concat(chunks.map((c) => c.chunk)), 'buffer', cb);
};

WriteStream.prototype._final = function (cb) {
  if (!this.flush) return cb();
  binding.fsync(this.fd, (err) => cb(err));
};

module.exports = { ReadStream, WriteStream };
