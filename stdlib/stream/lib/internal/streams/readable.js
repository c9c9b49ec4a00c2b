'use strict';
// internal/streams/readable: Readable, a source of chunks. Book: chapter 8, "Streams".
//
// Chunks pushed by _read (or by the owner) wait in state.buffer until the consumer takes
// them: in flowing mode (a 'data' listener, resume(), pipe()) read() is called in a loop
// by flow() and every chunk is emitted as 'data'; in paused mode the consumer calls read()
// itself, usually on 'readable'. _read is asked for more only while the buffer holds less
// than highWaterMark: that is the readable half of backpressure.

const EE = require('events');
const Stream = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const chunks = require('internal/streams/chunks');
const { codes, argType, makeError } = require('internal/errors');
const { getHighWaterMark } = require('internal/streams/state');

const kPaused = Symbol('kPaused');

function ReadableState(options, stream, isDuplex) {
  options = options || {};
  if (typeof isDuplex !== 'boolean') isDuplex = !!Stream.Duplex && stream instanceof Stream.Duplex;
  this.objectMode = !!(options.objectMode || (isDuplex && options.readableObjectMode));
  this.highWaterMark = getHighWaterMark(options, 'readableHighWaterMark', isDuplex, this.objectMode);
  this.buffer = [];
  this.length = 0;
  this.pipes = [];
  this.flowing = null;
  this.ended = false;
  this.endEmitted = false;
  this.reading = false;
  this.constructed = true;
  this.sync = true; // the first push may come synchronously from the constructor
  this.needReadable = false;
  this.emittedReadable = false;
  this.readableListening = false;
  this.resumeScheduled = false;
  this[kPaused] = null;
  this.errorEmitted = false;
  this.emitClose = options.emitClose !== false;
  this.autoDestroy = options.autoDestroy !== false;
  this.destroyed = false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this.defaultEncoding = options.defaultEncoding || 'utf8';
  this.awaitDrainWriters = null;
  this.multiAwaitDrain = false;
  this.readingMore = false;
  this.dataEmitted = false;
  this.decoder = null;
  this.encoding = null;
  if (options.encoding) {
    this.decoder = new chunks.Decoder(options.encoding);
    this.encoding = this.decoder.encoding;
  }
}

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = !!Stream.Duplex && this instanceof Stream.Duplex;
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
  }
  Stream.call(this, options);
  destroyImpl.construct(this, () => {
    if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
  });
  if (options && options.signal && !isDuplex) Stream.addAbortSignal(options.signal, this);
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);
Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = function () {};
Readable.prototype._destroy = function (err, cb) {
  cb(err);
};

Readable.prototype.push = function (chunk, encoding) {
  return addChunkChecked(this, chunk, encoding, false);
};

Readable.prototype.unshift = function (chunk, encoding) {
  return addChunkChecked(this, chunk, encoding, true);
};

// A chunk as the buffer keeps it: bytes, a string when setEncoding asked for strings,
// or anything in object mode. Returns [chunk, error].
function normalizeChunk(state, chunk, encoding, addToFront) {
  if (state.objectMode) return [chunk, null];
  if (typeof chunk === 'string') {
    encoding = encoding || state.defaultEncoding;
    if (state.encoding === chunks.normalize(encoding)) return [chunk, null, true];
    const bytes = chunks.fromString(chunk, encoding);
    if (addToFront && state.encoding) return [new chunks.Decoder(state.encoding).end(bytes), null, true];
    return [bytes, null];
  }
  if (chunk === null || chunk === undefined) return [chunk, null];
  if (ArrayBuffer.isView(chunk)) return [chunks.toBytes(chunk), null];
  return [chunk, argType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk)];
}

function addChunkChecked(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  const [c, err, isString] = normalizeChunk(state, chunk, encoding, addToFront);
  if (err) {
    destroyImpl.errorOrDestroy(stream, err);
    return false;
  }
  chunk = c;
  if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (state.objectMode || chunk.length > 0) {
    if (addToFront) {
      if (state.endEmitted) destroyImpl.errorOrDestroy(stream, codes.ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      else if (state.destroyed || state.errored) return false;
      else addChunk(stream, state, chunk, true);
    } else if (state.ended) {
      destroyImpl.errorOrDestroy(stream, codes.ERR_STREAM_PUSH_AFTER_EOF());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !isString) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

//> stream.add-chunk
function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    clearAwaitDrain(state);
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront) state.buffer.unshift(chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}
//< stream.add-chunk

function clearAwaitDrain(state) {
  if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
  else state.awaitDrainWriters = null;
}

Readable.prototype.isPaused = function () {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

Readable.prototype.setEncoding = function (enc) {
  const decoder = new chunks.Decoder(enc);
  if (!chunks.normalize(enc)) throw codes.ERR_UNKNOWN_ENCODING(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  let content = '';
  for (const data of state.buffer) content += decoder.write(data);
  state.buffer = content === '' ? [] : [content];
  state.length = content.length;
  return this;
};

const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw codes.ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  n--;
  n |= n >>> 1; n |= n >>> 2; n |= n >>> 4; n |= n >>> 8; n |= n >>> 16;
  return n + 1;
}

// How many units read(n) hands out now: one object, the first chunk while flowing,
// everything, or nothing until n are buffered (unless the stream ended).
function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    if (state.flowing && state.length) return state.objectMode ? 1 : state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

Readable.prototype.read = function (n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }
  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      destroyImpl.errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  let ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    clearAwaitDrain(state);
  }
  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

// Takes n units off the front of the buffer (n was computed by howMuchToRead).
function fromList(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  if (state.objectMode) return buf.shift();
  if (!n || n >= state.length) {
    const all = state.decoder ? buf.join('') : chunks.concat(buf, state.length);
    state.buffer = [];
    return all;
  }
  return state.decoder ? takeString(n, buf) : takeBytes(n, buf);
}

function takeString(n, buf) {
  let out = '';
  while (out.length < n) {
    const s = buf[0], need = n - out.length;
    if (s.length <= need) out += buf.shift();
    else out += s.slice(0, need), buf[0] = s.slice(need);
  }
  return out;
}

function takeBytes(n, buf) {
  const parts = [];
  let got = 0;
  while (got < n) {
    const b = buf[0], need = n - got;
    if (b.length <= need) parts.push(buf.shift()), got += b.length;
    else parts.push(chunks.slice(b, 0, need)), buf[0] = chunks.slice(b, need), got += need;
  }
  return chunks.concat(parts, n);
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const rest = state.decoder.end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += state.objectMode ? 1 : rest.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadable_(stream);
  }
}

// 'readable' is emitted on a later tick, once per batch of pushes.
function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

// Asks _read for more, on a later tick, while the buffer is under highWaterMark.
function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break; // _read pushed nothing synchronously
  }
  state.readingMore = false;
}

Readable.prototype._read = function (n) {
  throw codes.ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

Readable.prototype.on = function (ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick((self) => self.read(0), this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function (ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function (ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state[kPaused] === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

Readable.prototype.resume = function () {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening; // 'readable' listeners keep it paused
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resume_, this, state);
    }
  }
  state[kPaused] = false;
  return this;
};

function resume_(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function () {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

//> stream.flow
function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}
//< stream.flow

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      const w = stream._writableState;
      if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

Readable.prototype.pipe = require('internal/streams/pipe');

Readable.prototype.unpipe = function (dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (const d of dests) d.emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

// Wraps an old-style stream (one that only emits 'data' and 'end') as a Readable.
Readable.prototype.wrap = function (stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) paused = true, stream.pause();
  });
  stream.on('end', () => this.push(null));
  stream.on('error', (err) => destroyImpl.errorOrDestroy(this, err));
  stream.on('close', () => this.destroy());
  stream.on('destroy', () => this.destroy());
  this._read = () => {
    if (paused && stream.resume) paused = false, stream.resume();
  };
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function () {
  return require('internal/streams/iterate')(this);
};

Readable.prototype.iterator = function (options) {
  return require('internal/streams/iterate')(this, options);
};

Readable.prototype[EE.captureRejectionSymbol || Symbol('captureRejection')] = function (err) {
  this.destroy(err);
};

function getter(name, get, set) {
  const desc = { get, enumerable: false, configurable: true };
  if (set) desc.set = set;
  Object.defineProperty(Readable.prototype, name, desc);
}
getter('readable', function () {
  const r = this._readableState;
  return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
}, function (v) {
  if (this._readableState) this._readableState.readable = !!v;
});
getter('readableDidRead', function () { return this._readableState.dataEmitted; });
getter('readableAborted', function () {
  const r = this._readableState;
  return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
});
getter('readableHighWaterMark', function () { return this._readableState.highWaterMark; });
getter('readableBuffer', function () { return this._readableState && this._readableState.buffer; });
getter('readableFlowing', function () { return this._readableState.flowing; }, function (v) {
  if (this._readableState) this._readableState.flowing = v;
});
getter('readableLength', function () { return this._readableState ? this._readableState.length : undefined; });
getter('readableObjectMode', function () { return this._readableState ? this._readableState.objectMode : false; });
getter('readableEncoding', function () { return this._readableState ? this._readableState.encoding : null; });
getter('errored', function () { return this._readableState ? this._readableState.errored : null; });
getter('closed', function () { return this._readableState ? this._readableState.closed : false; });
getter('destroyed', function () { return this._readableState ? this._readableState.destroyed : false; },
       function (v) { if (this._readableState) this._readableState.destroyed = v; });
getter('readableEnded', function () { return this._readableState ? this._readableState.endEmitted : false; });

// The operators (internal/streams/operators, loaded on the first call of one): methods
// with node's names and lengths; those that give a stream give it through Readable.from.
function operator(name, length, givesStream) {
  const method = function (...args) {
    if (new.target) throw makeError(1, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    const ops = require('internal/streams/operators');
    const op = givesStream ? ops.streamReturning[name] : ops.promiseReturning[name];
    const result = Reflect.apply(op, this, args);
    return givesStream ? Readable.from(result) : result;
  };
  Object.defineProperty(method, 'name', { value: name === 'asIndexedPairs' ? 'deprecated' : name });
  Object.defineProperty(method, 'length', { value: length });
  Object.defineProperty(Readable.prototype, name, { value: method, writable: true, configurable: true });
}
for (const [name, length] of [['asIndexedPairs', 0], ['drop', 1], ['filter', 2], ['flatMap', 2],
  ['map', 2], ['take', 1], ['compose', 2]]) operator(name, length, true);
for (const [name, length] of [['every', 1], ['forEach', 2], ['reduce', 3], ['toArray', 1],
  ['some', 1], ['find', 2]]) operator(name, length, false);

Readable.from = function (iterable, opts) {
  return require('internal/streams/from')(Readable, iterable, opts);
};

Readable._fromList = fromList;
Stream.Readable = Readable;
module.exports = Readable;
