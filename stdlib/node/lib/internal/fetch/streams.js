'use strict';
// internal/fetch/streams: the global ReadableStream, as much of the WHATWG Streams
// standard as fetch's bodies need. Book: chapter 12, "Networking" ("fetch").
//
// A stream holds a queue of chunks and a list of pending reads. Its underlying source
// (start, pull, cancel) fills the queue through the controller; a read takes the first
// chunk, or waits for one. pull is asked for more whenever the queue has run dry and
// somebody is reading, so a source never produces faster than it is consumed (the
// body of a fetch pauses its socket meanwhile). What is missing: byte streams (BYOB
// readers), queuing strategies other than a count of chunks, pipeTo/pipeThrough and
// the Writable and Transform streams; none of them is a global here.

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');

function invalidState(message) {
  const e = new TypeError(`Invalid state: ${message}`);
  e.code = 'ERR_INVALID_STATE';
  return e;
}

class ReadableStreamDefaultController {
  #stream;
  constructor(stream) { this.#stream = stream; }
  get desiredSize() {
    const s = this.#stream[kState];
    if (s.state === 'errored') return null;
    if (s.state === 'closed') return 0;
    return s.highWaterMark - s.queue.length;
  }
  enqueue(chunk) {
    const s = this.#stream[kState];
    if (s.state !== 'readable' || s.closeRequested) throw invalidState('Controller is already closed');
    if (s.reads.length) s.reads.shift().resolve({ value: chunk, done: false });
    else s.queue.push(chunk);
    pullIfNeeded(this.#stream);
  }
  close() {
    const s = this.#stream[kState];
    if (s.state !== 'readable' || s.closeRequested) throw invalidState('Controller is already closed');
    s.closeRequested = true;
    if (s.queue.length === 0) finishClose(this.#stream);
  }
  error(reason) {
    streamError(this.#stream, reason);
  }
}

function finishClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  for (const r of s.reads.splice(0)) r.resolve({ value: undefined, done: true });
  if (s.reader) s.reader._closed.resolve();
}

function streamError(stream, reason) {
  const s = stream[kState];
  if (s.state !== 'readable') return;
  s.state = 'errored';
  s.storedError = reason;
  s.queue.length = 0;
  for (const r of s.reads.splice(0)) r.reject(reason);
  if (s.reader) s.reader._closed.reject(reason);
}

// Ask the source for more when it has started, is not already pulling, and the queue is
// below its mark or a read is waiting.
function pullIfNeeded(stream) {
  const s = stream[kState];
  if (s.pulling) { s.pullAgain = true; return; }
  if (!s.started || !s.source.pull || s.state !== 'readable' || s.closeRequested) return;
  if (s.queue.length >= s.highWaterMark && s.reads.length === 0) return;
  s.pulling = true;
  Promise.resolve()
    .then(() => s.source.pull.call(s.source, s.controller))
    .then(() => {
      s.pulling = false;
      if (s.pullAgain) s.pullAgain = false, pullIfNeeded(stream);
    }, (e) => streamError(stream, e));
}

function deferred() {
  const d = {};
  d.promise = new Promise((resolve, reject) => { d.resolve = resolve; d.reject = reject; });
  return d;
}

class ReadableStream {
  constructor(source = {}, strategy = {}) {
    if (source === null || (typeof source !== 'object' && typeof source !== 'function'))
      throw new TypeError('The "source" argument must be of type object.');
    if (source.type !== undefined) throw new RangeError('byte streams are not supported by tinynode');
    const highWaterMark = strategy.highWaterMark === undefined ? 1 : Number(strategy.highWaterMark);
    this[kState] = {
      state: 'readable', queue: [], reads: [], reader: null, disturbed: false, storedError: undefined,
      source, highWaterMark, started: false, pulling: false, pullAgain: false, byob: false, closeRequested: false, controller: null,
    };
    const s = this[kState];
    s.controller = new ReadableStreamDefaultController(this);
    const started = source.start ? source.start.call(source, s.controller) : undefined;
    Promise.resolve(started).then(() => {
      s.started = true;
      pullIfNeeded(this);
    }, (e) => streamError(this, e));
  }
  get locked() { return this[kState].reader !== null; }
  cancel(reason) {
    if (this.locked) return Promise.reject(invalidState('ReadableStream is locked'));
    return cancelStream(this, reason);
  }
  getReader(options) {
    if (options && options.mode !== undefined) throw new RangeError('BYOB readers are not supported by tinynode');
    return new ReadableStreamDefaultReader(this);
  }
  // Two streams that each see every chunk of this one.
  tee() {
    const reader = this.getReader();
    const branches = [];
    let reading = false;
    const pull = () => {
      if (reading) return;
      reading = true;
      reader.read().then(({ value, done }) => {
        reading = false;
        for (const b of branches) {
          if (b[kState].state !== 'readable' || b[kState].closeRequested) continue;
          if (done) b[kState].controller.close();
          else b[kState].controller.enqueue(value);
        }
      }, (e) => { for (const b of branches) streamError(b, e); });
    };
    for (let i = 0; i < 2; i++) branches.push(new ReadableStream({ pull }));
    return branches;
  }
  values(options) {
    const reader = this.getReader();
    const preventCancel = Boolean(options && options.preventCancel);
    return {
      __proto__: AsyncIteratorPrototype,
      next: () => reader.read().then((r) => { if (r.done) reader.releaseLock(); return r; }),
      return: async (value) => {
        if (!preventCancel) await reader.cancel(value);
        reader.releaseLock();
        return { value, done: true };
      },
    };
  }
  [Symbol.asyncIterator](options) { return this.values(options); }
  [customInspect](depth, options, inspect) {
    const s = this[kState];
    const fields = { __proto__: { constructor: ReadableStream }, locked: this.locked, state: s.state, supportsBYOB: s.byob === true };
    return `ReadableStream ${inspect(fields, options)}`;
  }
}
Object.defineProperty(ReadableStream.prototype, Symbol.toStringTag, { value: 'ReadableStream', configurable: true });

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function cancelStream(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  s.queue.length = 0;
  finishClose(stream);
  return Promise.resolve(s.source.cancel ? s.source.cancel.call(s.source, reason) : undefined).then(() => undefined);
}

class ReadableStreamDefaultReader {
  #stream;
  constructor(stream) {
    if (!(stream instanceof ReadableStream))
      throw new TypeError('The "stream" argument must be an instance of ReadableStream.');
    if (stream.locked) throw invalidState('ReadableStream is locked');
    this.#stream = stream;
    const s = stream[kState];
    s.reader = this;
    this._closed = deferred();
    this._closed.promise.catch(() => {});
    if (s.state === 'closed') this._closed.resolve();
    if (s.state === 'errored') this._closed.reject(s.storedError);
  }
  get closed() { return this._closed.promise; }
  read() {
    const stream = this.#stream;
    if (!stream) return Promise.reject(invalidState('The reader is not attached to a stream'));
    const s = stream[kState];
    s.disturbed = true;
    if (s.queue.length) {
      const value = s.queue.shift();
      if (s.closeRequested && s.queue.length === 0) finishClose(stream);
      else pullIfNeeded(stream);
      return Promise.resolve({ value, done: false });
    }
    if (s.state === 'closed') return Promise.resolve({ value: undefined, done: true });
    if (s.state === 'errored') return Promise.reject(s.storedError);
    const d = deferred();
    s.reads.push(d);
    pullIfNeeded(stream);
    return d.promise;
  }
  cancel(reason) {
    if (!this.#stream) return Promise.reject(invalidState('The reader is not attached to a stream'));
    return cancelStream(this.#stream, reason);
  }
  releaseLock() {
    const stream = this.#stream;
    if (!stream) return;
    const s = stream[kState];
    const e = invalidState('Reader released');
    for (const r of s.reads.splice(0)) r.reject(e);
    s.reader = null;
    this.#stream = undefined;
  }
}

// For fetch: has the stream been read from or cancelled?
const isDisturbed = (stream) => stream[kState].disturbed;

module.exports = { ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController, isDisturbed, kState };
