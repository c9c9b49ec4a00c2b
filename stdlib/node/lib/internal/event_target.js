'use strict';
// internal/event_target: the web's events as node 20 has them: Event, CustomEvent,
// EventTarget, AbortSignal and AbortController, made the first time a script touches one
// of those globals (stdlib/node/web.c), plus what events and timers/promises need of
// them: validateAbortSignal, AbortError, events.on, events.once with a signal,
// events.addAbortListener and the promised timers with a signal. Book: chapter 8.
//
// State lives in private fields (#x), so nothing of it shows in inspect or in
// Object.getOwnPropertySymbols; the brand checks are `#x in value`.

const { throwFrom } = require('internal/validators');
const { makeError, argType, outOfRange } = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const inspect = (...args) => require('util').inspect(...args);
const DOMException = () => globalThis.DOMException;

function missingArgs(...names) {
  const list = names.map((n) => `"${n}"`);
  const words = list.length === 1 ? `${list[0]} argument` : `${list.join(' and ')} arguments`;
  return makeError(1, 'ERR_MISSING_ARGS', `The ${words} must be specified`);
}

function invalidThis(type) {
  return makeError(1, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

// validateObject(value, name, { allowArray, allowFunction, nullable }).
function validateLooseObject(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function')
    throw argType(name, 'of type object', value);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal)))
    throw argType(name, 'an instance of AbortSignal', signal);
}

// node's report of an error thrown by a listener: thrown again from a nextTick, so it is
// an uncaught exception, reported at node's line in lib/internal/event_target.js.
function emitUncaught(err) {
  process.nextTick(() => throwFrom(err, 0));
}

// The clock of Event.timeStamp: milliseconds since this module was loaded.
const [startSeconds, startNanos] = process.hrtime();
function now() {
  const [s, ns] = process.hrtime();
  return (s - startSeconds) * 1e3 + (ns - startNanos) / 1e6;
}

// `Name { ...fields }`, as node's inspect of its web objects prints.
function customInspect(self, name, fields, depth, options) {
  if (depth < 0) return name;
  const opts = Object.assign({}, options, {
    depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
  });
  return `${name} ${inspect(fields, opts)}`;
}

// Node makes the methods and accessors of its web classes enumerable.
function enumerable(proto, names) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    d.enumerable = true;
    Object.defineProperty(proto, name, d);
  }
}

function toStringTag(C, tag) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    writable: false, enumerable: false, configurable: true, value: tag,
  });
}

// ==== Event ====

const kTrustEvent = Symbol('kTrustEvent');
let setDispatch; // (event, target or null): marks an event as being dispatched, or not

class Event {
  #type; #bubbles; #cancelable; #composed; #defaultPrevented = false;
  #timestamp = now(); #propagationStopped = false; #stop = false;
  #trusted = false; #target = null; #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    validateLooseObject(options, 'options');
    const { bubbles, cancelable, composed } = { ...options };
    this.#cancelable = !!cancelable;
    this.#bubbles = !!bubbles;
    this.#composed = !!composed;
    this.#type = `${type}`;
    if (options?.[kTrustEvent]) this.#trusted = true;
  }

  static isEvent(value) { return value !== null && typeof value === 'object' && #type in value; }
  static #check(self) { if (!isEvent(self)) throw invalidThis('Event'); }
  static #stopped(event) { return event.#stop; }
  static {
    setDispatch = (event, target) => {
      if (target !== null) event.#target = target;
      event.#dispatching = target !== null;
    };
    Event.stopped = Event.#stopped;
    Event.dispatching = (event) => event.#dispatching;
  }

  [kInspect](depth, options) {
    const fields = {
      type: this.#type, defaultPrevented: this.#cancelable && this.#defaultPrevented,
      cancelable: this.#cancelable, timeStamp: this.#timestamp,
    };
    return customInspect(this, this.constructor.name, fields, depth, options);
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw missingArgs('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }
  stopImmediatePropagation() {
    Event.#check(this);
    this.#propagationStopped = true;
    this.#stop = true;
  }
  preventDefault() { Event.#check(this); this.#defaultPrevented = true; }
  get target() { Event.#check(this); return this.#target; }
  get currentTarget() { Event.#check(this); return this.#dispatching ? this.#target : null; }
  get srcElement() { Event.#check(this); return this.#target; }
  get type() { Event.#check(this); return this.#type; }
  get cancelable() { Event.#check(this); return this.#cancelable; }
  get defaultPrevented() { Event.#check(this); return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { Event.#check(this); return this.#timestamp; }
  composedPath() { Event.#check(this); return this.#dispatching ? [this.#target] : []; }
  get returnValue() { Event.#check(this); return !(this.#cancelable && this.#defaultPrevented); }
  get bubbles() { Event.#check(this); return this.#bubbles; }
  get composed() { Event.#check(this); return this.#composed; }
  get eventPhase() { Event.#check(this); return this.#dispatching ? 2 : 0; }
  get cancelBubble() { Event.#check(this); return this.#propagationStopped; }
  set cancelBubble(value) { Event.#check(this); if (value) this.#propagationStopped = true; }
  stopPropagation() { Event.#check(this); this.#propagationStopped = true; }
  get isTrusted() { Event.#check(this); return this.#trusted; }
}
const isEvent = Event.isEvent, stopped = Event.stopped, dispatching = Event.dispatching;
delete Event.isEvent;
delete Event.stopped;
delete Event.dispatching;
enumerable(Event.prototype, [
  'initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath',
  'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation',
  'isTrusted',
]);
toStringTag(Event, 'Event');
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]])
  Object.defineProperty(Event, name, { value, enumerable: true });

class CustomEvent extends Event {
  #detail;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }
  get detail() {
    if (!(this !== null && typeof this === 'object' && #detail in this)) throw invalidThis('CustomEvent');
    return this.#detail;
  }
}
enumerable(CustomEvent.prototype, ['detail']);
toStringTag(CustomEvent, 'CustomEvent');

// ==== EventTarget ====

// One registration: a node of the type's doubly linked list, as node keeps them, so
// that a listener added during a dispatch is called and one removed is not.
class Listener {
  constructor(previous, listener, once, capture) {
    this.next = undefined;
    this.previous = previous;
    previous.next = this;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.removed = false;
  }
  same(listener, capture) { return this.listener === listener && this.capture === capture; }
  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
  call(target, event) {
    const l = this.listener;
    // Bound rather than l.call(...): V8 shows no frame for the call, and neither do we.
    if (typeof l === 'function') return l.bind(target)(event);
    return (async () => { if (l.handleEvent) await Reflect.apply(l.handleEvent, l, [event]); })();
  }
}

function validateEventListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw argType('listener', 'an instance of EventListener', listener);
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return { once: false, capture: false };
  validateLooseObject(options, 'options');
  return {
    once: Boolean(options.once), capture: Boolean(options.capture), signal: options.signal,
  };
}

const kEvents = Symbol('kEvents');
const kIsEventTarget = Symbol.for('nodejs.event_target');
let maxListeners = 10;

function warnMax(target, type, size) {
  const name = target.constructor.name;
  const w = new Error(`Possible EventTarget memory leak detected. ${size} ${type} listeners ` +
    `added to ${inspect(target, { depth: -1 })}. Use events.setMaxListeners() to increase limit`);
  w.name = 'MaxListenersExceededWarning';
  w.target = target;
  w.type = type;
  w.count = size;
  process.emitWarning(w);
  return name;
}

class EventTarget {
  #events = new Map();
  #warned = false;

  static isEventTarget(value) { return value !== null && typeof value === 'object' && #events in value; }
  static #check(self) { if (!isEventTarget(self)) throw invalidThis('EventTarget'); }

  addEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    const { once, capture, signal } = listenerOptions(options);
    validateAbortSignal(signal, 'options.signal');
    if (!validateEventListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options),
                              { once: true });
    }
    let root = this.#events.get(type);
    if (root === undefined) this.#events.set(type, root = { size: 0, next: undefined });
    let previous = root;
    for (let h = root.next; h !== undefined; previous = h, h = h.next)
      if (h.same(listener, Boolean(capture))) return; // a duplicate is ignored
    new Listener(previous, listener, Boolean(once), Boolean(capture));
    root.size++;
    if (maxListeners > 0 && root.size > maxListeners && !this.#warned) {
      this.#warned = true;
      warnMax(this, typeof type === 'symbol' ? type.toString() : type, root.size);
    }
  }

  removeEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    if (!validateEventListener(listener)) return;
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = options?.capture === true || options === true;
    const root = this.#events.get(type);
    if (root === undefined) return;
    for (let h = root.next; h !== undefined; h = h.next) {
      if (!h.same(listener, capture)) continue;
      h.remove();
      if (--root.size === 0) this.#events.delete(type);
      return;
    }
  }

  dispatchEvent(event) {
    EventTarget.#check(this);
    if (arguments.length < 1) throw missingArgs('event');
    if (!(event instanceof Event)) throw argType('event', 'an instance of Event', event);
    if (dispatching(event))
      throw makeError(0, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
    this.#dispatch(event, event.type);
    return event.defaultPrevented !== true;
  }

  // As node's: the next listener is read before each call (so one added by the last
  // listener is not called this time); and, a quirk kept, the event stops being "in
  // dispatch" after the first listener (eventPhase 0, currentTarget null from then on).
  #dispatch(event, type) {
    setDispatch(event, this);
    const root = this.#events.get(type);
    for (let h = root?.next, next; h !== undefined; h = next) {
      next = h.next;
      if (h.removed || stopped(event)) continue;
      if (h.once) {
        h.remove();
        if (--root.size === 0) this.#events.delete(type);
      }
      try {
        const result = h.call(this, event);
        setDispatch(event, null);
        if (result !== undefined && result !== null && typeof result.then === 'function')
          result.then(undefined, emitUncaught);
      } catch (err) {
        emitUncaught(err);
      }
    }
    setDispatch(event, null);
  }

  [kInspect](depth, options) {
    EventTarget.#check(this);
    return customInspect(this, this.constructor.name, {}, depth, options);
  }
}
const isEventTarget = EventTarget.isEventTarget;
delete EventTarget.isEventTarget;
enumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
toStringTag(EventTarget, 'EventTarget');
Object.defineProperty(EventTarget, kIsEventTarget, { value: true, enumerable: true });

// `onabort` and the like: an accessor whose handler is one listener, kept in its place
// among the others when it is replaced.
function defineEventHandler(C, type) {
  const handlers = new WeakMap();
  Object.defineProperty(C.prototype, `on${type}`, {
    enumerable: true,
    configurable: true,
    get() { return handlers.get(this)?.handler ?? null; },
    set(value) {
      let entry = handlers.get(this);
      if (entry === undefined) {
        if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) return;
        const wrapped = function (event) {
          if (typeof entry.handler === 'function') return entry.handler.call(this, event);
        };
        handlers.set(this, entry = { handler: value, wrapped });
        this.addEventListener(type, wrapped);
      } else if (typeof value === 'function' || (typeof value === 'object' && value !== null)) {
        entry.handler = value;
      } else {
        this.removeEventListener(type, entry.wrapped);
        handlers.delete(this);
      }
    },
  });
}

// ==== AbortSignal and AbortController ====

const kDontThrow = Symbol('kDontThrow');
let abortSignal; // (signal, reason): aborts signal and the signals that follow it

function abortedError() { return new (DOMException())('This operation was aborted', 'AbortError'); }

class AbortSignal extends EventTarget {
  #aborted = false; #reason = undefined; #dependents = [];

  constructor(key = undefined, init = undefined) {
    if (key !== kDontThrow) throw makeError(1, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    if (init?.aborted) {
      this.#aborted = true;
      this.#reason = init.reason;
    }
  }

  static #check(self) {
    if (!(self !== null && typeof self === 'object' && #aborted in self)) throw invalidThis('AbortSignal');
  }
  static {
    abortSignal = (signal, reason) => {
      if (signal.#aborted) return;
      signal.#aborted = true;
      signal.#reason = reason;
      signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
      for (const dependent of signal.#dependents) abortSignal(dependent, reason);
      signal.#dependents = [];
    };
    AbortSignal.follow = (source, dependent) => source.#dependents.push(dependent);
  }

  get aborted() { AbortSignal.#check(this); return this.#aborted; }
  get reason() { AbortSignal.#check(this); return this.#reason; }
  throwIfAborted() { AbortSignal.#check(this); if (this.#aborted) throw this.#reason; }

  static abort(reason = abortedError()) {
    return new AbortSignal(kDontThrow, { aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay');
    const signal = new AbortSignal(kDontThrow);
    const reason = () => new (DOMException())('The operation was aborted due to timeout', 'TimeoutError');
    setTimeout(() => abortSignal(signal, reason()), delay).unref();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw argType('signals', 'an instance of Array', signals);
    for (let i = 0; i < signals.length; i++) validateAbortSignal(signals[i], `signals[${i}]`);
    const result = new AbortSignal(kDontThrow);
    for (const signal of signals) {
      if (signal.aborted) {
        abortSignal(result, signal.reason);
        return result;
      }
    }
    for (const signal of signals) follow(signal, result);
    return result;
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, { aborted: this.aborted }, depth, options);
  }
}
const follow = AbortSignal.follow;
delete AbortSignal.follow;
enumerable(AbortSignal.prototype, ['aborted', 'reason', 'throwIfAborted']);
toStringTag(AbortSignal, 'AbortSignal');
defineEventHandler(AbortSignal, 'abort');

function validateUint32(value, name) {
  if (typeof value !== 'number') throw argType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw outOfRange(name, '>= 0 && <= 4294967295', value);
}

class AbortController {
  #signal;
  get signal() {
    return this.#signal ??= new AbortSignal(kDontThrow);
  }
  abort(reason = abortedError()) {
    abortSignal(this.#signal ??= new AbortSignal(kDontThrow), reason);
  }
  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, { signal: this.signal }, depth, options);
  }
}
enumerable(AbortController.prototype, ['signal', 'abort']);
toStringTag(AbortController, 'AbortController');

// node's AbortError (lib/internal/errors.js): what aborted operations reject with.
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object')
      throw argType('options', 'of type object', options);
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// ==== What events and timers/promises take from here ====

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw argType(name, 'of type object', value);
}

const aborted = (signal) => new AbortError(undefined, { cause: signal?.reason });

// An EventEmitter's on/once/removeListener, else an EventTarget's methods.
function addAgnostic(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw argType('emitter', 'an instance of EventEmitter', emitter);
  }
}

function removeAgnostic(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
  else if (typeof emitter.removeEventListener === 'function')
    emitter.removeEventListener(name, listener, flags);
  else throw argType('emitter', 'an instance of EventEmitter', emitter);
}

// events.once(emitter, name, { signal }): the arguments of the next `name` event; an
// 'error' event first rejects, and so does the signal's abort (an AbortError).
async function once(emitter, name, options = {}) {
  validateObject(options, 'options');
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw aborted(signal);
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) removeAgnostic(signal, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (signal != null) removeAgnostic(signal, 'abort', abortListener);
      resolve(args);
    };
    addAgnostic(emitter, name, resolver, { once: true });
    if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', errorListener);
    function abortListener() {
      removeAgnostic(emitter, name, resolver);
      removeAgnostic(emitter, 'error', errorListener);
      reject(aborted(signal));
    }
    if (signal != null) addAgnostic(signal, 'abort', abortListener, { once: true });
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

// events.on(emitter, name, { signal, close }): an async iterator of the arguments of each
// `name` event; events that come while nobody waits are queued. An 'error' event (or the
// signal's abort) rejects the next read and ends the iteration.
function on(emitter, event, options = {}) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw aborted(signal);
  const events = [], waiting = [];
  let error = null, finished = false;
  const result = (value, done) => ({ value, done });
  const iterator = Object.setPrototypeOf({
    next() {
      if (events.length > 0) return Promise.resolve(result(events.shift(), false));
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return Promise.resolve(result(undefined, true));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() { return closeHandler(); },
    throw(err) {
      if (!err || !(err instanceof Error))
        throw argType('EventEmitter.AsyncIterator', 'an instance of Error', err);
      errorHandler(err);
    },
    [Symbol.asyncIterator]() { return this; },
  }, AsyncIteratorPrototype);
  addAgnostic(emitter, event, eventHandler);
  if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', errorHandler);
  const closeEvents = options.close ?? [];
  for (const name of closeEvents) addAgnostic(emitter, name, closeHandler);
  if (signal) signal.addEventListener('abort', abortListener, { once: true });
  return iterator;

  function abortListener() { errorHandler(aborted(signal)); }
  function eventHandler(...args) {
    if (waiting.length > 0) waiting.shift().resolve(result(args, false));
    else events.push(args);
  }
  function errorHandler(err) {
    if (waiting.length > 0) waiting.shift().reject(err);
    else error = err;
    iterator.return();
  }
  function closeHandler() {
    removeAgnostic(emitter, event, eventHandler);
    removeAgnostic(emitter, 'error', errorHandler);
    for (const name of closeEvents) removeAgnostic(emitter, name, closeHandler);
    if (signal) signal.removeEventListener('abort', abortListener);
    finished = true;
    while (waiting.length > 0) waiting.shift().resolve(result(undefined, true));
    return Promise.resolve(result(undefined, true));
  }
}

const kDispose = Symbol('nodejs.dispose');

// events.addAbortListener(signal, listener): listener once on abort (in a microtask when
// already aborted); the returned disposable removes it.
function addAbortListener(signal, listener) {
  if (signal === undefined) throw argType('signal', 'an instance of AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  if (typeof listener !== 'function') throw argType('listener', 'of type function', listener);
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { once: true });
    remove = () => signal.removeEventListener('abort', listener);
  }
  return { __proto__: null, [kDispose]() { remove?.(); } };
}

// timers/promises' setTimeout and setImmediate when options has a signal (the C side,
// timers_promises.c, does the rest): cancelled by the signal with an AbortError.
function promisedTimer(immediate, delay, value, signal, ref) {
  try {
    validateAbortSignal(signal, 'options.signal');
  } catch (err) {
    return Promise.reject(err);
  }
  if (ref !== undefined && typeof ref !== 'boolean')
    return Promise.reject(argType('options.ref', 'of type boolean', ref));
  if (signal.aborted) return Promise.reject(aborted(signal));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const timers = require('timers');
    const handle = immediate ? timers.setImmediate(resolve, value) : timers.setTimeout(resolve, delay, value);
    if (ref === false) handle.unref();
    oncancel = () => {
      (immediate ? timers.clearImmediate : timers.clearTimeout)(handle);
      reject(aborted(signal));
    };
    signal.addEventListener('abort', oncancel);
  });
  return ret.finally(() => signal.removeEventListener('abort', oncancel));
}

module.exports = {
  Event, CustomEvent, EventTarget, AbortSignal, AbortController, AbortError,
  validateAbortSignal, isEventTarget, isEvent, kTrustEvent,
  once, on, addAbortListener, promisedTimer, aborted,
};
