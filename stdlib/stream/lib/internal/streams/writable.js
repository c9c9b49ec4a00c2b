'use strict';
// internal/streams/writable: Writable, a sink of chunks. Book: chapter 8, "Streams".
//
// write() hands one chunk at a time to _write; chunks written while one is in flight
// wait in state.buffered. write() answers false once state.length (what is queued,
// in bytes or objects) reaches highWaterMark, and 'drain' follows when it falls to 0.
// end() waits for the queue to empty, runs _final, then emits 'prefinish' and 'finish'.

const Stream = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const chunks = require('internal/streams/chunks');
const { codes, argType } = require('internal/errors');
const { getHighWaterMark } = require('internal/streams/state');

const kOnFinished = Symbol('kOnFinished');

function nop() {}

function WritableState(options, stream, isDuplex) {
  options = options || {};
  if (typeof isDuplex !== 'boolean') isDuplex = !!Stream.Duplex && stream instanceof Stream.Duplex;
  this.objectMode = !!(options.objectMode || (isDuplex && options.writableObjectMode));
  this.highWaterMark = getHighWaterMark(options, 'writableHighWaterMark', isDuplex, this.objectMode);
  this.finalCalled = false;
  this.needDrain = false;
  this.ending = false;
  this.ended = false;
  this.finished = false;
  this.destroyed = false;
  this.decodeStrings = options.decodeStrings !== false;
  this.defaultEncoding = options.defaultEncoding || 'utf8';
  this.length = 0;
  this.writing = false;
  this.corked = 0;
  this.sync = true; // _write's callback may come before _write returns
  this.bufferProcessing = false;
  this.onwrite = onwrite.bind(undefined, stream);
  this.writecb = null;
  this.writelen = 0;
  this.afterWriteTickInfo = null;
  this.afterWritePending = false; // an afterWrite is queued on the next tick
  resetBuffer(this);
  this.pendingcb = 0;
  this.constructed = true;
  this.prefinished = false;
  this.errorEmitted = false;
  this.emitClose = options.emitClose !== false;
  this.autoDestroy = options.autoDestroy !== false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this[kOnFinished] = [];
}

function resetBuffer(state) {
  state.buffered = [];
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

WritableState.prototype.getBuffer = function () {
  return this.buffered.slice(this.bufferedIndex);
};
Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  get() { return this.buffered.length - this.bufferedIndex; },
});

function Writable(options) {
  const isDuplex = !!Stream.Duplex && this instanceof Stream.Duplex;
  if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) {
    return new Writable(options);
  }
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
  }
  Stream.call(this, options);
  destroyImpl.construct(this, () => {
    const state = this._writableState;
    if (!state.writing) clearBuffer(this, state);
    finishMaybe(this, state);
  });
  if (options && options.signal) Stream.addAbortSignal(options.signal, this); // a Duplex's too
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

// A Duplex is a Writable too, though its prototype chain goes through Readable.
Object.defineProperty(Writable, Symbol.hasInstance, {
  value: function (object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function () {
  destroyImpl.errorOrDestroy(this, codes.ERR_STREAM_CANNOT_PIPE());
};

// The chunk as _write gets it: strings become bytes unless decodeStrings is false.
// Returns [chunk, encoding], or throws node's TypeError for a bad chunk.
function prepareChunk(state, chunk, encoding) {
  if (chunk === null) throw codes.ERR_STREAM_NULL_VALUES();
  if (state.objectMode) return [chunk, encoding];
  if (typeof chunk === 'string') {
    if (state.decodeStrings !== false) return [chunks.fromString(chunk, encoding), 'buffer'];
    return [chunk, encoding];
  }
  if (ArrayBuffer.isView(chunk)) return [chunks.toBytes(chunk), 'buffer'];
  throw argType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
}

function _write(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.defaultEncoding;
  } else {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !chunks.normalize(encoding)) throw codes.ERR_UNKNOWN_ENCODING(encoding);
    if (typeof cb !== 'function') cb = nop;
  }
  [chunk, encoding] = prepareChunk(state, chunk, encoding);
  let err;
  if (state.ending) err = codes.ERR_STREAM_WRITE_AFTER_END();
  else if (state.destroyed) err = codes.ERR_STREAM_DESTROYED('write');
  if (err) {
    process.nextTick(cb, err);
    destroyImpl.errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function (chunk, encoding, cb) {
  return _write(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function () {
  this._writableState.corked++;
};

Writable.prototype.uncork = function () {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function (encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!chunks.normalize(encoding)) throw codes.ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

//> stream.write-or-buffer
// Writes now if nothing is in flight, else queues; answers whether to keep writing.
function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  // Asked after the write: a chunk _write took at once does not count (node 20.20).
  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}
//< stream.write-or-buffer

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(codes.ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  destroyImpl.errorOrDestroy(stream, er);
}

// _write's callback: the chunk is out; start the next one, then call the writer back
// (on the next tick, batched, when _write called back synchronously).
function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    destroyImpl.errorOrDestroy(stream, codes.ERR_MULTIPLE_CALLBACK());
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
    return;
  }
  if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
  if (sync) afterSyncWrite(stream, state, cb);
  else afterWrite(stream, state, 1, cb);
}

// _write called back before returning. A writer's callback waits for the next tick
// (one tick for a run of writes with the same callback); a write without one is done at
// once, unless 'drain' is due or the stream is in object mode (node 20.20's test of
// kDestroyed reads the object-mode bit), when one tick is scheduled for all of them.
function afterSyncWrite(stream, state, cb) {
  const needTick = (state.needDrain && state.length === 0) || state.objectMode || cb !== nop;
  const info = state.afterWriteTickInfo;
  if (cb === nop && needTick && !state.afterWritePending) {
    state.afterWritePending = true;
    process.nextTick(afterWrite, stream, state, 1, cb);
  } else if (cb === nop) {
    state.pendingcb--;
    if (state.ending) finishMaybe(stream, state, true);
  } else if (info !== null && info.cb === cb) {
    info.count++;
  } else {
    state.afterWriteTickInfo = { count: 1, cb, stream, state };
    state.afterWritePending = true;
    process.nextTick(afterWriteTick, state.afterWriteTickInfo);
  }
}

function afterWriteTick({ stream, state, count, cb }) {
  state.afterWriteTickInfo = null;
  return afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  state.afterWritePending = false;
  const needDrain = !state.ending && !state.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  if (state.ending) finishMaybe(stream, state, true);
}

// After destroy: every queued write and end() callback hears why.
function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    state.length -= state.objectMode ? 1 : chunk.length;
    callback(state.errored ?? codes.ERR_STREAM_DESTROYED('write'));
  }
  const onfinishCallbacks = state[kOnFinished].splice(0);
  for (const cb of onfinishCallbacks) cb(state.errored ?? codes.ERR_STREAM_DESTROYED('end'));
  resetBuffer(state);
}

// Writes what was queued: all at once through _writev if there is one, else in order.
function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, bufferedIndex, objectMode } = state;
  const bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;
  let i = bufferedIndex;
  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const batch = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    batch.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, batch, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) resetBuffer(state);
    else if (i > 256) buffered.splice(0, i), state.bufferedIndex = 0;
    else state.bufferedIndex = i;
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw codes.ERR_METHOD_NOT_IMPLEMENTED('_write()');
};

Writable.prototype._writev = null;

Writable.prototype.end = function (chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = _write(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // the write's error is reported through cb below
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = codes.ERR_STREAM_ALREADY_FINISHED('end');
  } else if (state.destroyed) {
    err = codes.ERR_STREAM_DESTROYED('end');
  }
  // The callback hears the end of the stream: its error (one from _final may have come
  // synchronously, above) on the next tick, else null once 'finish' is due.
  if (typeof cb === 'function') {
    if (err) process.nextTick(cb, err);
    else if (state.errored) process.nextTick(cb, state.errored);
    else if (state.finished) process.nextTick(cb, null);
    else state[kOnFinished].push(cb);
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
         !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
         !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      destroyImpl.errorOrDestroy(stream, err ?? codes.ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      for (const cb of state[kOnFinished].splice(0)) cb(err);
      destroyImpl.errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (!needFinish(state)) return;
  prefinish(stream, state);
  if (state.pendingcb !== 0) return;
  if (sync) {
    state.pendingcb++;
    process.nextTick((stream, state) => {
      if (needFinish(state)) finish(stream, state);
      else state.pendingcb--;
    }, stream, state);
  } else if (needFinish(state)) {
    state.pendingcb++;
    finish(stream, state);
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  for (const cb of state[kOnFinished].splice(0)) cb(null);
  stream.emit('finish');
  if (state.autoDestroy) {
    const r = stream._readableState;
    if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
  }
}

function getter(name, get, set) {
  const desc = { get, enumerable: false, configurable: true };
  if (set) desc.set = set;
  Object.defineProperty(Writable.prototype, name, desc);
}
getter('closed', function () { return this._writableState ? this._writableState.closed : false; });
getter('destroyed', function () { return this._writableState ? this._writableState.destroyed : false; },
       function (v) { if (this._writableState) this._writableState.destroyed = v; });
getter('writable', function () {
  const w = this._writableState;
  return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
}, function (v) {
  if (this._writableState) this._writableState.writable = !!v;
});
getter('writableFinished', function () { return this._writableState ? this._writableState.finished : false; });
getter('writableObjectMode', function () { return this._writableState ? this._writableState.objectMode : false; });
getter('writableBuffer', function () { return this._writableState && this._writableState.getBuffer(); });
getter('writableEnded', function () { return this._writableState ? this._writableState.ending : false; });
getter('writableNeedDrain', function () {
  const w = this._writableState;
  return w ? !w.destroyed && !w.ending && w.needDrain : false;
});
getter('writableHighWaterMark', function () { return this._writableState && this._writableState.highWaterMark; });
getter('writableCorked', function () { return this._writableState ? this._writableState.corked : 0; });
getter('writableLength', function () { return this._writableState && this._writableState.length; });
getter('errored', function () { return this._writableState ? this._writableState.errored : null; });
getter('writableAborted', function () {
  const w = this._writableState;
  return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
});

Writable.prototype.destroy = function (err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) {
    process.nextTick(errorBuffer, state);
  }
  destroyImpl.destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = function () {};
Writable.prototype._destroy = function (err, cb) {
  cb(err);
};

Stream.Writable = Writable;
module.exports = Writable;
