'use strict';
// stream: require('stream'). Book: chapter 8, "Streams".
// The legacy Stream constructor, carrying Readable, Writable, Duplex, Transform,
// PassThrough, pipeline, finished, promises, and the helpers node exports with them.

const Stream = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const Transform = require('internal/streams/transform');
const PassThrough = require('internal/streams/passthrough');
const pipeline = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');
const u = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');
const state = require('internal/streams/state');
const { argType } = require('internal/errors');

// addAbortSignal(signal, stream): the stream is destroyed with an AbortError when the
// signal aborts (at once if it has).
function addAbortSignal(signal, stream) {
  const { AbortError } = require('internal/event_target');
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw argType('signal', 'an instance of AbortSignal', signal);
  }
  if (!u.isNodeStream(stream)) {
    throw argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }
  const onAbort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    eos(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

// The modules above hung some of these on Stream as they loaded; they are set again here
// in node's order, which is the order Object.keys(require('stream')) shows.
for (const key of Object.keys(Stream)) delete Stream[key];
Stream.isDestroyed = (stream) => (u.isNodeStream(stream) ? u.isDestroyed(stream) : null);
Stream.isDisturbed = (stream) => !!(stream._readableState && (stream._readableState.dataEmitted || stream.destroyed));
Stream.isErrored = (stream) => !!u.erroredOf(stream);
Stream.isReadable = u.isReadable;
Stream.isWritable = u.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.setDefaultHighWaterMark = state.setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = state.getDefaultHighWaterMark;
Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    return require('stream/promises');
  },
});
Object.defineProperty(pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() {
    return require('stream/promises').pipeline;
  },
});
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() {
    return require('stream/promises').finished;
  },
});
Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (v) => require('buffer').Buffer.from(v.buffer, v.byteOffset, v.byteLength);

module.exports = Stream;
