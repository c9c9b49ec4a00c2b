'use strict';
// internal/streams/destroy: destroy() and errorOrDestroy() for every kind of stream.
// Book: chapter 8, "Streams". destroy(err, cb) marks both sides destroyed, runs
// _destroy, then on the next tick emits 'error' (once) and 'close' (if emitClose);
// errorOrDestroy(stream, err) is how the library reports an error it found itself.

const kConstruct = Symbol('kConstruct'); // emitted when _construct has called back
const kDestroy = Symbol('kDestroy'); // the same, when destroy() was waiting for it

function states(stream) {
  return [stream._readableState, stream._writableState];
}

function recordError(err, w, r) {
  if (!err) return;
  err.stack; // eslint-disable-line no-unused-expressions -- fix the stack now, as node does
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

function destroy(err, cb) {
  const [r, w] = states(this);
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if ((w || r).constructed) {
    runDestroy(this, err, cb);
  } else { // _destroy waits for _construct's callback, and hears its error too
    this.once(kDestroy, function (er) { runDestroy(this, bothErrors(er, err), cb); });
  }
  return this;
}

// The construct error and the destroy error: one, or an AggregateError of both.
function bothErrors(inner, outer) {
  if (!inner || !outer || inner === outer) return inner || outer;
  const both = new AggregateError([outer, inner], outer.message);
  both.code = outer.code;
  return both;
}

function runDestroy(self, err, cb) {
  let called = false;
  function onDestroy(err) {
    if (called) return;
    called = true;
    const [r, w] = states(self);
    recordError(err, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(err);
    if (err) process.nextTick(emitErrorCloseNT, self, err);
    else process.nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const [r, w] = states(self);
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const [r, w] = states(self);
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

// An error the stream found itself (a push after EOF, a write after end): destroy the
// stream if it destroys itself, else just emit 'error' (later when sync is true).
function errorOrDestroy(stream, err, sync) {
  const [r, w] = states(stream);
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    recordError(err, w, r);
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Destroys anything stream-like: a node stream, or an object with destroy or close.
function destroyer(stream, err) {
  if (!stream || stream.destroyed) return;
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
}

// _construct(cb) runs on the next tick, before any _read, _write or _final: both sides
// of a Duplex wait for it (each constructor calls construct; _construct runs once), then,
// a tick after cb is called, each side's `then` runs. A destroy() meanwhile waits too.
function construct(stream, then) {
  if (typeof stream._construct !== 'function') return;
  const [r, w] = states(stream);
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, then);
  if (stream.listenerCount(kConstruct) > 1) return; // a Duplex: already under way
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? require('internal/errors').codes.ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    const [r, w] = states(stream);
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if ((w || r).destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstruct);
  }
  try {
    stream._construct((err) => process.nextTick(onConstruct, err));
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

module.exports = { destroy, errorOrDestroy, destroyer, construct };
