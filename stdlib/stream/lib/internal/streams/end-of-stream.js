'use strict';
// internal/streams/end-of-stream: finished(stream[, options], callback) calls back once
// the stream is done: ended (readable side), finished (writable side), errored, or
// closed too early (ERR_STREAM_PREMATURE_CLOSE). Returns a function that stops listening.
// Book: chapter 8, "Streams".

const { codes, argType } = require('internal/errors');
const u = require('internal/streams/utils');

function nop() {}

function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    fn.apply(this, args);
  };
}

function eos(stream, options, callback) {
  if (arguments.length === 2) callback = options, options = {};
  else if (options == null) options = {};
  else if (typeof options !== 'object') throw argType('options', 'of type object', options);
  if (typeof callback !== 'function') throw argType('callback', 'of type function', callback);
  if (!u.isNodeStream(stream)) {
    throw argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }
  callback = once(callback);
  const readable = options.readable ?? u.isReadableNodeStream(stream);
  const writable = options.writable ?? u.isWritableNodeStream(stream);
  const w = stream._writableState, r = stream._readableState;
  let emitsClose = u.willEmitClose(stream) && u.isReadableNodeStream(stream) === readable &&
                   u.isWritableNodeStream(stream) === writable;
  let writableFinished = u.isWritableFinished(stream, false);
  let readableFinished = u.isReadableFinished(stream, false);
  const done = (err) => callback.call(stream, err);

  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) done();
  };
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) done();
  };
  const onerror = (err) => done(err);
  const onclose = () => {
    const errored = u.erroredOf(stream);
    if (errored && typeof errored !== 'boolean') return done(errored);
    if (readable && !readableFinished && u.isReadableNodeStream(stream, true) &&
        !u.isReadableFinished(stream, false)) return done(codes.ERR_STREAM_PREMATURE_CLOSE());
    if (writable && !writableFinished && !u.isWritableFinished(stream, false)) {
      return done(codes.ERR_STREAM_PREMATURE_CLOSE());
    }
    done();
  };
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (!w && !r) stream.on('end', onlegacyfinish), stream.on('close', onlegacyfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);
  if (alreadyDone(stream, readable, writable, emitsClose, readableFinished, writableFinished)) {
    process.nextTick(onclose);
  }

  return function cleanup() {
    callback = nop;
    stream.removeListener('end', onend);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };
}

// A stream that is already closed, errored or finished on the side asked about will not
// say so again: the caller hears it on the next tick.
function alreadyDone(stream, readable, writable, emitsClose, readableFinished, writableFinished) {
  const w = stream._writableState, r = stream._readableState;
  if (u.isClosed(stream)) return true;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return !emitsClose;
  if (!readable && (!emitsClose || u.isReadable(stream)) &&
      (writableFinished || u.isWritable(stream) === false)) return true;
  return !writable && (!emitsClose || u.isWritable(stream)) &&
         (readableFinished || u.isReadable(stream) === false);
}

function finishedPromise(stream, options) {
  return new Promise((resolve, reject) => {
    eos(stream, options, (err) => (err ? reject(err) : resolve()));
  });
}

module.exports = eos;
module.exports.finished = finishedPromise;
module.exports.once = once;
