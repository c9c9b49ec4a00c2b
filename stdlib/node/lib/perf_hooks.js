'use strict';
// perf_hooks: the global `performance` (made on first touch, stdlib/node/web.c) and the
// User Timing entries as node 20 has them: now, timeOrigin, mark, measure, the entry
// lists, PerformanceObserver (entries delivered from an immediate, as node does),
// timerify and eventLoopUtilization. Book: chapter 8, "The event loop".
//
// The clock is internal/perf (stdlib/node/usage.c): milliseconds on the monotonic clock
// since the process began, and the wall-clock time it began at.

const perf = require('internal/perf');
const { makeError, argType } = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kSkip = Symbol('kSkipThrow');
const inspect = (...args) => require('util').inspect(...args);

function missingArgs(name) {
  return makeError(1, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
}

function illegalConstructor() {
  return makeError(1, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

function invalidTimestamp(value) {
  return makeError(1, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${value} is not a valid timestamp`);
}

function validateObjectOrUndefined(value, name) {
  if (value !== undefined && (value === null || typeof value !== 'object'))
    throw argType(name, 'of type object', value);
}

// ==== Entries ====

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  constructor(skip, name, type, start, duration) {
    if (skip !== kSkip) throw illegalConstructor();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
  }
  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime,
             duration: this.duration };
  }
  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function structuredDetail(detail) {
  return detail === undefined ? null : structuredClone(detail);
}

class PerformanceMark extends PerformanceEntry {
  #detail;
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw missingArgs('name');
    name = `${name}`;
    validateObjectOrUndefined(options, 'options');
    const start = options?.startTime ?? perf.now();
    if (typeof start !== 'number') throw argType('options.startTime', 'of type number', start);
    if (start < 0) throw invalidTimestamp(start);
    super(kSkip, name, 'mark', start, 0);
    this.#detail = structuredDetail(options?.detail);
  }
  get detail() { return this.#detail; }
  toJSON() { return { ...super.toJSON(), detail: this.detail }; }
}

class PerformanceMeasure extends PerformanceEntry {
  #detail;
  constructor(skip, name, start, duration, detail) {
    super(skip, name, 'measure', start, duration);
    this.#detail = detail;
  }
  get detail() { return this.#detail; }
  toJSON() { return { ...super.toJSON(), detail: this.detail }; }
}

// ==== The timeline: marks and measures in the order they were made ====

let buffer = [];
const observers = new Set();

function enqueue(entry) {
  buffer.push(entry);
  for (const observer of observers) observer._enqueue(entry);
}

function byStartTime(list) {
  return list.slice().sort((a, b) => a.startTime - b.startTime);
}

function clear(type, name) {
  buffer = buffer.filter((e) => e.entryType !== type || (name !== undefined && e.name !== `${name}`));
}

// A measure's end points: a mark's name (its last mark), or a timestamp.
function markTime(name, which) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw invalidTimestamp(name);
    return name;
  }
  for (let i = buffer.length - 1; i >= 0; i--)
    if (buffer[i].entryType === 'mark' && buffer[i].name === `${name}`) return buffer[i].startTime;
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function measureTimes(startOrOptions, endMark) {
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    const { start, end, duration, detail } = startOrOptions;
    let s = markTime(start, 'start');
    let e = markTime(end, 'end');
    if (duration !== undefined) {
      if (s !== undefined && e === undefined) e = s + duration;
      else if (e !== undefined && s === undefined) s = e - duration;
    }
    return { start: s ?? 0, end: e ?? perf.now(), detail: structuredDetail(detail) };
  }
  const start = markTime(startOrOptions, 'start') ?? 0;
  const end = endMark === undefined ? perf.now() : markTime(endMark, 'end');
  return { start, end, detail: null };
}

// node's own milestones. tinynode does not time its start-up phases: they count as 0,
// and the loop's start and exit as -1 (not yet), as node reports before its loop runs.
class PerformanceNodeTiming {
  constructor(skip) {
    if (skip !== kSkip) throw illegalConstructor();
  }
  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return perf.now(); }
  get nodeStart() { return 0; }
  get v8Start() { return 0; }
  get bootstrapComplete() { return 0; }
  get environment() { return 0; }
  get loopStart() { return -1; }
  get loopExit() { return -1; }
  get idleTime() { return 0; }
  toJSON() {
    const o = {};
    for (const k of ['name', 'entryType', 'startTime', 'duration', 'nodeStart', 'v8Start',
                     'bootstrapComplete', 'environment', 'loopStart', 'loopExit', 'idleTime'])
      o[k] = this[k];
    return o;
  }
  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `PerformanceNodeTiming ${inspect(this.toJSON(), options)}`;
  }
}
const nodeTiming = new PerformanceNodeTiming(kSkip);

// ==== performance ====

class Performance {
  constructor(skip) {
    if (skip !== kSkip) throw illegalConstructor();
  }
  now() { return perf.now(); }
  get timeOrigin() { return perf.timeOrigin(); }
  get nodeTiming() { return nodeTiming; }
  mark(name, options) {
    if (arguments.length === 0) throw missingArgs('name');
    const entry = new PerformanceMark(name, options);
    enqueue(entry);
    return entry;
  }
  measure(name, startOrOptions, endMark) {
    if (arguments.length === 0) throw missingArgs('name');
    const { start, end, detail } = measureTimes(startOrOptions, endMark);
    const entry = new PerformanceMeasure(kSkip, `${name}`, start, end - start, detail);
    enqueue(entry);
    return entry;
  }
  clearMarks(name) { clear('mark', name); }
  clearMeasures(name) { clear('measure', name); }
  clearResourceTimings() {}
  setResourceTimingBufferSize() {}
  getEntries() { return byStartTime(buffer); }
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw missingArgs('name');
    return byStartTime(buffer.filter((e) => e.name === `${name}` && (type === undefined || e.entryType === type)));
  }
  getEntriesByType(type) {
    if (arguments.length === 0) throw missingArgs('type');
    return byStartTime(buffer.filter((e) => e.entryType === `${type}`));
  }
  // tinynode's loop does not count its idle time yet: all of it counts as active.
  eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; }
  timerify(fn) {
    if (typeof fn !== 'function') throw argType('fn', 'of type function', fn);
    const timed = function (...args) {
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    };
    Object.defineProperty(timed, 'name', { value: `timerified ${fn.name}` });
    Object.defineProperty(timed, 'length', { value: fn.length });
    return timed;
  }
  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin,
             eventLoopUtilization: this.eventLoopUtilization() };
  }
  [kInspect](depth, options) {
    if (depth < 0) return this;
    const shown = { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin };
    return `Performance ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });

const performance = new Performance(kSkip);

// ==== PerformanceObserver ====

class PerformanceObserverEntryList {
  #entries;
  constructor(skip, entries) {
    if (skip !== kSkip) throw illegalConstructor();
    this.#entries = entries;
  }
  getEntries() { return byStartTime(this.#entries); }
  getEntriesByType(type) { return byStartTime(this.#entries.filter((e) => e.entryType === `${type}`)); }
  getEntriesByName(name, type) {
    return byStartTime(this.#entries.filter((e) => e.name === `${name}` && (type === undefined || e.entryType === type)));
  }
}

const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

class PerformanceObserver {
  #callback;
  #types = new Set();
  #queue = [];
  #scheduled = false;
  constructor(callback) {
    if (typeof callback !== 'function') throw argType('callback', 'of type function', callback);
    this.#callback = callback;
  }
  static get supportedEntryTypes() { return supportedEntryTypes; }
  observe(options = {}) {
    validateObjectOrUndefined(options, 'options');
    const { entryTypes, type } = options;
    const types = entryTypes !== undefined ? entryTypes : type !== undefined ? [type] : undefined;
    if (!Array.isArray(types)) throw argType('options.entryTypes', 'an instance of Array', entryTypes);
    for (const t of types) if (supportedEntryTypes.includes(t)) this.#types.add(t);
    observers.add(this);
  }
  disconnect() {
    observers.delete(this);
    this.#types.clear();
    this.#queue = [];
  }
  takeRecords() {
    const list = this.#queue;
    this.#queue = [];
    return list;
  }
  _enqueue(entry) {
    if (!this.#types.has(entry.entryType)) return;
    this.#queue.push(entry);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const list = this.takeRecords();
      if (list.length > 0) this.#callback(new PerformanceObserverEntryList(kSkip, list), this);
    });
  }
}

function unsupported(name) {
  return () => {
    throw makeError(0, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${name}() method is not implemented by tinynode`);
  };
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming: class PerformanceResourceTiming extends PerformanceEntry {},
  monitorEventLoopDelay: unsupported('monitorEventLoopDelay'),
  createHistogram: unsupported('createHistogram'),
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
