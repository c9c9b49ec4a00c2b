'use strict';
// The parts of require('util') that are plain JavaScript in any engine: promisify and
// callbackify, inherits, deprecate, debuglog, the old is* predicates and a few string
// helpers. util.c copies these exports into the util module it makes.

const { makeError, errnoName } = require('internal/validators');
const { argType, outOfRange } = require('internal/errors');

function throwArgType(name, expected, value) {
  throw argType(name, expected, value);
}
// require('util') is made from this module's exports, so it is asked for only when called.
const util = () => require('util');

function validateFunction(value, name) {
  if (typeof value !== 'function') throwArgType(name, 'of type function', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throwArgType(name, 'of type string', value);
}

// ==== promisify and callbackify ====

const customPromisify = Symbol.for('nodejs.util.promisify.custom');

// The promisified function keeps the original's prototype chain and own properties
// (name and length included), as node's does.
function promisify(original) {
  validateFunction(original, 'original');
  if (original[customPromisify]) {
    const fn = original[customPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, customPromisify, { value: fn, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, value) => (err ? reject(err) : resolve(value))]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, customPromisify, { value: fn, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = customPromisify;

// A falsy rejection reason becomes an Error, so that the callback's first argument is
// never falsy when the promise was rejected.
function falsyRejection(reason) {
  const err = makeError(0, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
  err.reason = reason;
  return err;
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const callback = args.pop();
    validateFunction(callback, 'last argument');
    Reflect.apply(original, this, args).then(
      (value) => process.nextTick(callback, null, value),
      (reason) => process.nextTick(callback, reason || falsyRejection(reason)));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  return Object.defineProperties(callbackified, descriptors);
}

// ==== inherits and deprecate ====

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throwArgType('ctor', 'of type function', ctor);
  if (superCtor === undefined || superCtor === null)
    throwArgType('superCtor', 'of type function', superCtor);
  if (superCtor.prototype === undefined)
    throwArgType('superCtor.prototype', 'of type object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const warnedCodes = new Set();

// The wrapper warns on its first call (once per code across the process), then calls
// fn, as a constructor too when called with new.
function deprecate(fn, msg, code) {
  if (code !== undefined) validateString(code, 'code');
  if (process.noDeprecation === true) return fn;
  let warned = false;
  function deprecated(...args) {
    if (!warned && !(code !== undefined && warnedCodes.has(code))) {
      warned = true;
      if (code !== undefined) warnedCodes.add(code);
      process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
    }
    return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// ==== debuglog ====

// NODE_DEBUG=fs,net* turns sections on, case-insensitively, * matching anything.
function debugEnabled(section) {
  const spec = process.env.NODE_DEBUG;
  if (!spec) return false;
  return spec.split(/[\s,]+/).some((name) => {
    if (!name) return false;
    const pattern = name.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${pattern}$`, 'i').test(section);
  });
}

function debuglog(section, callback) {
  const upper = `${section}`.toUpperCase();
  const enabled = debugEnabled(upper);
  function debug(...args) {
    if (!enabled) return;
    process.stderr.write(`${upper} ${process.pid}: ${util().formatWithOptions({}, ...args)}\n`);
  }
  Object.defineProperty(debug, 'enabled', { get: () => enabled, configurable: true, enumerable: true });
  if (typeof callback === 'function') callback(debug);
  return debug;
}

// ==== Strings and system errors ====

// Terminal control sequences: CSI (ESC [ or 0x9B) with its parameters, and OSC strings.
const controlSequences =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

function stripVTControlCharacters(str) {
  validateString(str, 'str');
  return str.replace(controlSequences, '');
}

function toUSVString(input) {
  return `${input}`.toWellFormed();
}

function getSystemErrorName(err) {
  if (typeof err !== 'number') throwArgType('err', 'of type number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) throw outOfRange('err', 'a negative integer', err);
  return errnoName(err) ?? `Unknown system error ${err}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// util.log: "4 Dec 23:59:59 - message".
function log(...args) {
  const d = new Date();
  const time = [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => `${n}`.padStart(2, '0')).join(':');
  console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, util().format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

// ==== The old predicates ====

const isPrimitive = (v) => v === null || (typeof v !== 'object' && typeof v !== 'function');

// util.styleText and util.parseArgs live in modules of their own, loaded on first call.
function styleText(format, text) {
  return require('internal/util/style_text').styleText(...arguments);
}

function parseArgs(config = undefined) {
  return require('internal/util/parse_args').parseArgs(...arguments);
}

// util.MIMEType and util.MIMEParams: accessors that load internal/mime on first use and
// then become plain data properties, as node's do (so does an assignment).
// (util.c copies the accessors onto util, which is `this` when they run.)
function lazyMime(exports, name) {
  const become = (target, value) => Object.defineProperty(target, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
  Object.defineProperty(exports, name, {
    get: { [`get ${name}`]() { return become(this, require('internal/mime')[name])[name]; } }[`get ${name}`],
    set: { [`set ${name}`](value) { become(this, value); } }[`set ${name}`],
    enumerable: true,
    configurable: true,
  });
}

module.exports = {
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  getSystemErrorName,
  inherits,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => require('buffer').Buffer.isBuffer(v),
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === undefined || v === null,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: (v) => util().types.isRegExp(v),
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: (v) => util().types.isDate(v),
  isError: (v) => Object.prototype.toString.call(v) === '[object Error]' || v instanceof Error,
  isFunction: (v) => typeof v === 'function',
  isPrimitive,
  log,
  parseArgs,
  promisify,
  stripVTControlCharacters,
  styleText,
  toUSVString,
  TextDecoder: require('internal/encoding').TextDecoder,
  TextEncoder: require('internal/encoding').TextEncoder,
};
lazyMime(module.exports, 'MIMEType');
lazyMime(module.exports, 'MIMEParams');
