'use strict';
// internal/streams/operators: the Readable operators of node 20, loaded on the first
// call of one (the methods themselves sit on Readable.prototype, readable.js).
// Book: chapter 8, "Streams".
//
// Every operator is written over `for await` on the stream. Those that return a stream
// (map, filter, flatMap, drop, take, asIndexedPairs) are async generators that the
// method in readable.js hands to Readable.from; the others (forEach, toArray, some,
// find, every, reduce) are async functions, so their argument errors are rejections.
//
// map is the one with machinery: with `concurrency` N it calls fn on up to N chunks at
// once and keeps at most `highWaterMark` (+N) results waiting, yet it gives the results
// in the order of the chunks. A *pump* reads the source and queues the promise of each
// result; the generator awaits the head of that queue and yields it. A failure of fn
// stops the pump, and reaches the consumer in its place in the order.

const { argType, outOfRange, makeError } = require('internal/errors');
const { AbortError, AbortSignal, AbortController } = require('internal/event_target');

const kSkip = Symbol('kSkip'); // a result that is not one (filter's no, forEach's every)
const kEnd = Symbol('kEnd'); // the pump read the whole source

// ==== Arguments, checked as node checks them ====

function checkFn(name, fn) {
  if (typeof fn !== 'function') throw argType(name, 'of type function or an instance of AsyncFunction', fn);
}

// options may be absent; when given it is an object, and its signal an AbortSignal.
function checkOptions(options) {
  if (options == null) return;
  if (typeof options !== 'object' || Array.isArray(options)) throw argType('options', 'of type object', options);
  const signal = options.signal;
  if (signal != null && (typeof signal !== 'object' || !('aborted' in signal))) {
    throw argType('options.signal', 'an instance of AbortSignal', signal);
  }
}

function checkInteger(value, name, min) {
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > Number.MAX_SAFE_INTEGER) {
    throw outOfRange(name, `>= ${min} && <= ${Number.MAX_SAFE_INTEGER}`, value);
  }
}

// drop's and take's count: NaN is 0, Infinity is allowed, a negative number is not.
function count(number) {
  const n = Number(number);
  if (Number.isNaN(n)) return 0;
  if (n < 0) throw outOfRange('number', '>= 0', n);
  return n;
}

const signalOf = (options) => (options == null ? undefined : options.signal);
const isAborted = (options) => !!(signalOf(options) && signalOf(options).aborted);

// ==== map, and what is made of it ====

function map(fn, options) {
  checkFn('fn', fn);
  checkOptions(options);
  const concurrency = options && options.concurrency != null ? Math.floor(options.concurrency) : 1;
  let waiting = concurrency - 1;
  if (options && options.highWaterMark != null) waiting = Math.floor(options.highWaterMark);
  checkInteger(concurrency, 'options.concurrency', 1);
  checkInteger(waiting, 'options.highWaterMark', 0);
  return mapChunks(this, fn, signalOf(options), concurrency, waiting + concurrency);
}

// One map's state: the queue of results, the calls running, and the pump and the
// consumer, each asleep (a resolve function) or not (null).
function mapState(concurrency, limit) {
  return { queue: [], running: 0, stopped: false, concurrency, limit, pump: null, consumer: null };
}

const hasRoom = (m) => m.running < m.concurrency && m.queue.length < m.limit;
const sleep = (m, who) => new Promise((resolve) => { m[who] = resolve; });

function wakeUp(m, who) {
  const resolve = m[who];
  m[who] = null;
  if (resolve) resolve();
}

// Queues the promise of a result; a failure stops the pump.
function enqueue(m, promise) {
  const settled = () => {
    m.running--;
    if (!m.stopped && hasRoom(m)) wakeUp(m, 'pump');
  };
  m.running++;
  promise.then(settled, () => {
    m.stopped = true;
    settled();
  });
  m.queue.push(promise);
}

// Reads the source, calling fn on each chunk while there is room; kEnd ends the queue.
async function pump(m, source, fn, signal) {
  const fnOptions = { signal };
  try {
    for await (const chunk of source) {
      if (m.stopped) return;
      if (signal.aborted) throw new AbortError();
      let result;
      try {
        result = Promise.resolve(fn(chunk, fnOptions));
      } catch (err) {
        result = Promise.reject(err);
      }
      enqueue(m, result);
      wakeUp(m, 'consumer');
      if (!m.stopped && !hasRoom(m)) await sleep(m, 'pump');
    }
    m.queue.push(kEnd);
  } catch (err) {
    enqueue(m, Promise.reject(err));
  } finally {
    m.stopped = true;
    wakeUp(m, 'consumer');
  }
}

// Gives the results in the order of the chunks.
async function* mapChunks(source, fn, outerSignal, concurrency, limit) {
  // fn sees a signal of its own, which follows the caller's.
  const signal = AbortSignal.any(outerSignal ? [outerSignal] : []);
  const m = mapState(concurrency, limit);
  pump(m, source, fn, signal);
  //> stream.map-in-order
  try {
    for (;;) {
      while (m.queue.length > 0) {
        const result = await m.queue[0]; // the oldest call, however late it finishes
        if (result === kEnd) return;
        if (signal.aborted) throw new AbortError();
        if (result !== kSkip) yield result;
        m.queue.shift();
        if (!m.stopped && hasRoom(m)) wakeUp(m, 'pump');
      }
      await sleep(m, 'consumer');
    }
  } finally {
    m.stopped = true;
    wakeUp(m, 'pump');
  }
  //< stream.map-in-order
}

function filter(fn, options) {
  checkFn('fn', fn);
  return map.call(this, async (chunk, opts) => ((await fn(chunk, opts)) ? chunk : kSkip), options);
}

function flatMap(fn, options) {
  const results = map.call(this, fn, options);
  return (async function* flatMap() {
    for await (const result of results) yield* result;
  })();
}

async function forEach(fn, options) {
  checkFn('fn', fn);
  const each = async (chunk, opts) => {
    await fn(chunk, opts);
    return kSkip;
  };
  for await (const none of map.call(this, each, options)) void none;
}

async function some(fn, options = undefined) {
  for await (const found of filter.call(this, fn, options)) return true;
  return false;
}

async function find(fn, options) {
  for await (const found of filter.call(this, fn, options)) return found;
  return undefined;
}

// every chunk passes when none fails.
async function every(fn, options = undefined) {
  checkFn('fn', fn);
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

// ==== The plain ones ====

function drop(number, options = undefined) {
  checkOptions(options);
  let left = count(number);
  const stream = this;
  return (async function* drop() {
    if (isAborted(options)) throw new AbortError();
    for await (const chunk of stream) {
      if (isAborted(options)) throw new AbortError();
      if (left-- <= 0) yield chunk;
    }
  })();
}

function take(number, options = undefined) {
  checkOptions(options);
  let left = count(number);
  const stream = this;
  return (async function* take() {
    if (isAborted(options)) throw new AbortError();
    for await (const chunk of stream) {
      if (isAborted(options)) throw new AbortError();
      if (left-- > 0) yield chunk;
      if (left <= 0) return; // read no chunk past the last one taken
    }
  })();
}

// node 20 passes the options object where the message goes: "[object Object]".
function asIndexedPairs(options = undefined) {
  checkOptions(options);
  const stream = this;
  return (async function* asIndexedPairs() {
    let index = 0;
    for await (const chunk of stream) {
      if (isAborted(options)) throw new AbortError({ cause: options.signal.reason });
      yield [index++, chunk];
    }
  })();
}

async function toArray(options) {
  checkOptions(options);
  const all = [];
  for await (const chunk of this) {
    if (isAborted(options)) throw new AbortError(undefined, { cause: options.signal.reason });
    all.push(chunk);
  }
  return all;
}

// node's ERR_MISSING_ARGS, with a message of its own for this case.
const emptyReduce = () => makeError(1, 'ERR_MISSING_ARGS', 'Reduce of an empty stream requires an initial value');

async function reduce(reducer, initialValue, options) {
  checkFn('reducer', reducer);
  checkOptions(options);
  let hasValue = arguments.length > 1;
  if (isAborted(options)) {
    const err = new AbortError(undefined, { cause: options.signal.reason });
    this.once('error', () => {}); // the caller hears of it through the rejection
    await require('stream/promises').finished(this.destroy(err));
    throw err;
  }
  // The reducer's signal aborts when the caller's does, and once the reduce is over.
  const own = new AbortController();
  const outer = signalOf(options);
  if (outer) outer.addEventListener('abort', () => own.abort(), { once: true });
  let accumulator = initialValue;
  try {
    for await (const chunk of this) {
      if (isAborted(options)) throw new AbortError();
      if (hasValue) {
        accumulator = await reducer(accumulator, chunk, { signal: own.signal });
      } else {
        accumulator = chunk;
        hasValue = true;
      }
    }
    if (!hasValue) throw emptyReduce();
  } finally {
    own.abort();
  }
  return accumulator;
}

// ==== compose: this stream piped into another, as one Duplex ====

function compose(stream, options) {
  checkOptions(options);
  const u = require('internal/streams/utils');
  if (u.isNodeStream(stream) && !u.isWritable(stream)) {
    throw require('internal/errors').argValue('stream', stream, 'must be writable');
  }
  const composed = require('internal/streams/compose')(this, stream);
  if (signalOf(options)) require('stream').addAbortSignal(options.signal, composed);
  return composed;
}

const { deprecate } = require('util');

module.exports = {
  streamReturning: {
    asIndexedPairs: deprecate(asIndexedPairs, 'readable.asIndexedPairs will be removed in a future version.'),
    drop, filter, flatMap, map, take, compose,
  },
  promiseReturning: { every, forEach, reduce, toArray, some, find },
};
