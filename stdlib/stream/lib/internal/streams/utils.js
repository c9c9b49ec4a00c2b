'use strict';
// internal/streams/utils: what a stream is, and how far it got, asked without caring
// whether it is a Readable, a Writable, a Duplex or something shaped like one.
// Book: chapter 8, "Streams".

// strict: only a stream that can also pause and resume (not a legacy Stream that merely
// has pipe, as an http response has).
function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
            (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
            (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
            (!obj._writableState || obj._readableState));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
            (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}

function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
                    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
                    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  const w = stream._writableState, r = stream._readableState;
  return !!(stream.destroyed || (w || r || {}).destroyed);
}

function isWritableFinished(stream, strict) {
  const w = stream._writableState;
  if (!w || w.errored) return false;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function isReadableFinished(stream, strict) {
  const r = stream._readableState;
  if (!r || r.errored) return false;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (isDestroyed(stream)) return false;
  return stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (isDestroyed(stream)) return false;
  const w = stream._writableState;
  return !!(stream.writable && !(w && w.ended));
}

function erroredOf(stream) {
  const r = stream._readableState, w = stream._writableState;
  return (w && w.errored) || (r && r.errored) || null;
}

function isClosed(stream) {
  const r = stream._readableState, w = stream._writableState;
  return !!((w && w.closed) || (r && r.closed));
}

// An http server's response: not a Writable, but it always ends with 'close'.
function isServerResponse(stream) {
  return typeof stream._closed === 'boolean' && typeof stream.writeHead === 'function';
}

function willEmitClose(stream) {
  const state = stream._writableState || stream._readableState;
  if (!state) return isServerResponse(stream);
  return !!(state.autoDestroy && state.emitClose && state.closed === false);
}

module.exports = {
  isReadableNodeStream, isWritableNodeStream, isNodeStream, isIterable, isDestroyed,
  isWritableFinished, isReadableFinished, isReadable, isWritable, erroredOf, isClosed,
  willEmitClose,
};
