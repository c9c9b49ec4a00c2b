'use strict';
// internal/streams/pipeline: pipeline(source, ...transforms, destination, callback).
// Pipes each stream into the next; the first error (or premature close) destroys every
// stream, and the callback runs once, after the destination finished or on that error.
// A source may be an iterable; a later step may be a function taking the previous
// step's output and returning an async iterable (or, last, a promise).
// Book: chapter 8, "Streams".

const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const u = require('internal/streams/utils');
const { codes, argType } = require('internal/errors');

function pipeline(...streams) {
  const callback = streams.pop();
  if (typeof callback !== 'function') {
    throw argType('streams[stream.length - 1]', 'of type function', callback);
  }
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw codes.ERR_MISSING_ARGS('streams');
  return pipelineImpl(streams, eos.once(callback));
}

function pipelineImpl(streams, callback) {
  const Readable = require('internal/streams/readable');
  const destroys = [];
  let error, value, finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (final) process.nextTick(callback, error, value);
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    let stream = streams[i];
    const reading = i < streams.length - 1, isLast = !reading;
    let writing = i > 0;
    if (typeof stream === 'function') {
      writing = false; // it reads the previous step itself
      if (isLast) {
        finishCount++;
        const result = stream(ret, { signal: undefined });
        Promise.resolve(result).then((v) => { value = v; finish(null); }, (err) => finish(err));
        ret = result;
        continue;
      }
      stream = i === 0 ? stream({ signal: undefined }) : stream(ret, { signal: undefined });
      if (!u.isNodeStream(stream)) stream = Readable.from(stream);
    } else if (!u.isNodeStream(stream)) {
      if (i === 0 && u.isIterable(stream)) stream = Readable.from(stream);
      else throw argType(`streams[${i}]`, 'of type function, an instance of Stream, or an iterable', stream);
    }
    finishCount++;
    destroys.push(destroyer(stream, reading, writing, finish));
    if (writing) pipe(ret, stream, finish);
    ret = stream;
  }
  return ret;
}

// Listens for stream's end and returns the function that destroys it on a failure.
function destroyer(stream, reading, writing, finish) {
  let finished = false;
  eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
    finish(err);
  });
  return (err) => {
    if (finished) return;
    finished = true;
    destroyImpl.destroyer(stream, err || codes.ERR_STREAM_DESTROYED('pipe'));
  };
}

function pipe(src, dst, finish) {
  src.pipe(dst, { end: false });
  src.once('end', () => dst.end());
  eos(src, { readable: true, writable: false }, (err) => {
    const r = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && r && r.ended && !r.errored && !r.errorEmitted) {
      src.once('end', finish).once('error', finish);
    } else if (err) {
      finish(err);
    }
  });
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

module.exports = pipeline;
module.exports.pipelinePromise = pipelinePromise;
