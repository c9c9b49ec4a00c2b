'use strict';
// internal/streams/duplexify: Duplex.from(body), a Duplex made of what body is: a
// Duplex (itself), a Readable or a Writable (one side of it), a { readable, writable }
// pair, an iterable (a read-only Duplex), a promise (its value, read once), or a function
// (an async generator function: what is written goes in as an async iterable, what it
// yields comes out; or an async function, whose promise ends the writable side).
// Book: chapter 8, "Streams".
//
// Two streams are made into one Duplex by forwarding: the Duplex's _write writes to the
// writable (waiting for 'drain' when it says so), its _read reads the readable in paused
// mode (waiting for 'readable'), and 'end' ends the Duplex's readable side. compose
// (internal/streams/compose) forwards the same way; the forwarders are exported for it.

const Duplex = require('internal/streams/duplex');
const eos = require('internal/streams/end-of-stream');
const u = require('internal/streams/utils');
const { destroyer } = require('internal/streams/destroy');
const { argType, makeError, describe } = require('internal/errors');

class Duplexify extends Duplex {}

const isDuplexNodeStream = (obj) => !!(obj && typeof obj.pipe === 'function' && obj._readableState &&
  typeof obj.on === 'function' && typeof obj.write === 'function');
const isThenable = (v) => !!v && typeof v.then === 'function';
// The web's ReadableStream (tinynode's, for fetch, has no pipeThrough) and Blob.
const isWebReadable = (v) => !!v && typeof v.getReader === 'function' && typeof v.cancel === 'function';
const isBlob = (v) => !!v && typeof globalThis.Blob === 'function' && v instanceof globalThis.Blob;

// node's destroyer: an unfinished stream destroyed without an error gets an AbortError.
function destroyStream(stream, err) {
  if (!stream || u.isDestroyed(stream)) return;
  const done = (!stream._readableState || u.isReadableFinished(stream, false)) &&
               (!stream._writableState || u.isWritableFinished(stream, false));
  if (!err && !done) err = new (require('internal/event_target').AbortError)();
  destroyer(stream, err);
}

function invalidReturn(expected, name, value) {
  return makeError(1, 'ERR_INVALID_RETURN_VALUE',
    `Expected ${expected} to be returned from the "${name}" function but got ${describe(value)}.`);
}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (u.isReadableNodeStream(body)) return fromPair({ readable: body });
  if (u.isWritableNodeStream(body)) return fromPair({ writable: body });
  if (u.isNodeStream(body)) return fromPair({ readable: false, writable: false });
  if (isWebReadable(body)) return fromPair({ readable: fromWebReadable(body) });
  if (typeof body === 'function') return fromFunction(body, name);
  if (isBlob(body)) return duplexify(body.arrayBuffer(), name);
  if (u.isIterable(body)) {
    return require('internal/streams/from')(Duplexify, body, { objectMode: true, writable: false });
  }
  if (body && (typeof body.readable === 'object' || typeof body.writable === 'object')) {
    const side = (s, is) => (!s ? undefined : is(s) ? s : duplexify(s));
    return fromPair({
      readable: side(body.readable, u.isReadableNodeStream),
      writable: side(body.writable, u.isWritableNodeStream),
    });
  }
  if (isThenable(body)) return fromPromise(body);
  throw argType(name, 'of type function or an instance of Blob, ReadableStream, WritableStream, ' +
    'Stream, Iterable, AsyncIterable, or Promise or { readable, writable } pair', body);
}

// A promise: a read-only Duplex of its value (none when it is null or undefined).
function fromPromise(promise) {
  const d = new Duplexify({ objectMode: true, writable: false, read() {} });
  promise.then((value) => {
    if (value != null) d.push(value);
    d.push(null);
  }, (err) => destroyer(d, err));
  return d;
}

// A web ReadableStream as a byte Readable: each read is a read of its reader.
function fromWebReadable(web) {
  const Readable = require('internal/streams/readable');
  const reader = web.getReader();
  const readable = new Readable({
    read() {
      reader.read().then(({ value, done }) => readable.push(done ? null : value),
        (err) => destroyer(readable, err));
    },
    destroy(err, cb) {
      reader.cancel(err).then(() => cb(err), (e) => cb(e || err));
    },
  });
  reader.closed.then(null, (err) => destroyer(readable, err));
  return readable;
}

// A function is called once, with the written chunks as an async iterable.
function fromFunction(fn, name) {
  const inbox = writtenChunks();
  const value = fn(inbox.chunks, { signal: inbox.signal });
  if (isDuplexNodeStream(value)) return value; // fn was a constructor of one
  const sides = { objectMode: true, write: inbox.write, final: inbox.final, destroy: inbox.destroy };
  if (u.isIterable(value)) return require('internal/streams/from')(Duplexify, value, sides);
  if (!isThenable(value)) throw invalidReturn('Iterable, AsyncIterable or AsyncFunction', name, value);
  let d = null;
  const done = value.then((result) => {
    if (result != null) throw invalidReturn('nully', 'body', result);
  }, (err) => destroyer(d, err));
  d = new Duplexify({
    ...sides,
    readable: false,
    final(cb) {
      inbox.final(() => done.then(() => process.nextTick(cb, null), (err) => process.nextTick(cb, err)));
    },
  });
  return d;
}

// What is written to the Duplex, as an async iterable for the function: each write's
// callback runs (on the next tick) when the function takes its chunk, and end() ends it.
function writtenChunks() {
  const controller = new (require('internal/event_target').AbortController)();
  let deliver = null;
  let delivery = new Promise((resolve) => { deliver = resolve; });
  const post = (letter) => {
    const resolve = deliver;
    deliver = null;
    resolve(letter);
  };
  async function* chunks() {
    for (;;) {
      const { chunk, done, cb } = await delivery;
      delivery = null;
      process.nextTick(cb);
      if (done) return;
      if (controller.signal.aborted) {
        const { AbortError } = require('internal/event_target');
        throw new AbortError(undefined, { cause: controller.signal.reason });
      }
      delivery = new Promise((resolve) => { deliver = resolve; });
      yield chunk;
    }
  }
  return {
    chunks: chunks(),
    signal: controller.signal,
    write: (chunk, encoding, cb) => post({ chunk, done: false, cb }),
    final: (cb) => post({ done: true, cb }),
    destroy(err, cb) {
      controller.abort();
      cb(err);
    },
  };
}

// ==== Forwarding between a Duplex and the streams it is made of ====

// d's writes go to head; `link.ondrain` holds a write waiting for head's 'drain'.
function forwardWrites(d, head, link) {
  d._write = function (chunk, encoding, callback) {
    if (head.write(chunk, encoding)) callback();
    else link.ondrain = callback;
  };
  d._final = function (callback) {
    head.end();
    link.onfinish = callback;
  };
  head.on('drain', () => take(link, 'ondrain'));
}

// d's reads come from tail; `link.onreadable` is a read waiting for tail's 'readable'.
function forwardReads(d, tail, link) {
  tail.on('readable', () => take(link, 'onreadable'));
  tail.on('end', () => d.push(null));
  d._read = function () {
    for (;;) {
      const chunk = tail.read();
      if (chunk === null) {
        link.onreadable = d._read;
        return;
      }
      if (!d.push(chunk)) return;
    }
  };
}

// Runs (once) the callback waiting in link[key], if any.
function take(link, key, ...args) {
  const cb = link[key];
  link[key] = null;
  if (cb) cb(...args);
}

function fromPair(pair) {
  let r = pair.readable;
  if (r && typeof r.read !== 'function') r = wrapOld(r);
  const w = pair.writable;
  let readable = !!u.isReadable(r), writable = !!u.isWritable(w);
  const link = { ondrain: null, onfinish: null, onreadable: null, onclose: undefined };
  const d = new Duplexify({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable, writable,
  });
  function onfinished(err) {
    const cb = link.onclose;
    link.onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }
  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyStream(r, err);
      onfinished(err);
    });
    forwardWrites(d, w, link);
    w.on('finish', () => take(link, 'onfinish'));
  }
  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyStream(r, err);
      onfinished(err);
    });
    forwardReads(d, r, link);
  }
  d._destroy = function (err, callback) {
    if (!err && link.onclose !== null) err = new (require('internal/event_target').AbortError)();
    link.onreadable = link.ondrain = link.onfinish = null;
    if (link.onclose === null) {
      callback(err);
    } else {
      link.onclose = callback;
      destroyStream(w, err);
      destroyStream(r, err);
    }
  };
  return d;
}

// An old-style stream (no read()): a Readable over it (readable.wrap).
function wrapOld(src) {
  const Readable = require('internal/streams/readable');
  const objectMode = src.readableObjectMode ?? src.objectMode ?? true;
  return new Readable({
    objectMode,
    destroy(err, cb) {
      destroyer(src, err);
      cb(err);
    },
  }).wrap(src);
}

module.exports = duplexify;
module.exports.forwardWrites = forwardWrites;
module.exports.forwardReads = forwardReads;
module.exports.take = take;
module.exports.destroyStream = destroyStream;
