'use strict';
// buffer: Buffer, a Uint8Array with node's methods, and the module around it (atob, btoa,
// constants). The byte work (encoding, decoding, searching, copying) is C, in
// internal/buffer (stdlib/node/buffer.c); this file is the API's shape and node's
// argument checks. Small buffers are cut from a shared 8 KiB ArrayBuffer, the pool, as
// node cuts them. Book: chapter 11, "Files". Loaded on the first touch of the global
// Buffer, atob or btoa, or on require('buffer').

const binding = require('internal/buffer');
const { codes, argType, argValue, outOfRange } = require('internal/errors');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;
const INSPECT_MAX_BYTES = 50;

//> node.buffer-encodings
// Encodings by name, as node spells them in any case, to the numbers buffer.c knows.
const UTF8 = 0, UTF16LE = 1, LATIN1 = 2, ASCII = 3, BASE64 = 4, BASE64URL = 5, HEX = 6;
const ENCODINGS = {
  utf8: UTF8, 'utf-8': UTF8, ucs2: UTF16LE, 'ucs-2': UTF16LE, utf16le: UTF16LE,
  'utf-16le': UTF16LE, latin1: LATIN1, binary: LATIN1, ascii: ASCII, base64: BASE64,
  base64url: BASE64URL, hex: HEX,
};

// The number of an encoding's name, or undefined (anything else is made a string first).
function encodingOf(name) {
  const s = `${name}`;
  const code = ENCODINGS[s];
  return code !== undefined || s.length > 9 ? code : ENCODINGS[s.toLowerCase()];
}
//< node.buffer-encodings

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw argType(name, 'of type number', value);
  if (min === undefined && max === undefined) return;
  if (value < min || value > max || value !== value) {
    const bounds = [];
    if (min !== undefined) bounds.push(`>= ${min}`);
    if (max !== undefined) bounds.push(`<= ${max}`);
    throw outOfRange(name, bounds.join(' && '), value);
  }
}

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw argType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

// The write methods' own error (node throws it from C++, in these words).
function notString() {
  const { makeError } = require('internal/validators');
  return makeError(1, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
}

const BUFFER_OR_UINT8 = 'an instance of Buffer or Uint8Array';

// Any ArrayBuffer view's bytes, as a Uint8Array.
function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

// ==== The class ====

// FastBuffer is the real class (Buffer.prototype is its prototype); Buffer itself is the
// old callable constructor that node keeps for compatibility.
class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

let deprecationShown = false;
function Buffer(arg, encodingOrOffset, length) {
  if (!deprecationShown) {
    deprecationShown = true;
    process.emitWarning('Buffer() is deprecated due to security and usability issues. Please ' +
      'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
    'DeprecationWarning', 'DEP0005');
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw argType('string', 'of type string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'prototype', { value: FastBuffer.prototype, writable: false });
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true });

//> node.buffer-pool
// The pool: buffers under half its size are cut from it, each start rounded up to a
// multiple of 8, until one does not fit and a fresh pool is made. buf.buffer is then
// the whole pool and buf.byteOffset where the buffer starts in it.
let pool, poolOffset, poolSize;
function createPool() {
  poolSize = Buffer.poolSize;
  pool = new ArrayBuffer(poolSize);
  poolOffset = 0;
}

function fromPool(size) {
  if (size > poolSize - poolOffset) createPool();
  const b = new FastBuffer(pool, poolOffset, size);
  poolOffset = (poolOffset + size + 7) & ~7;
  return b;
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < Buffer.poolSize >>> 1) return fromPool(size);
  return new FastBuffer(size);
}
//< node.buffer-pool

function fromString(string, encoding) {
  let enc = UTF8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    enc = encodingOf(encoding);
    if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
  }
  if (string.length === 0) return new FastBuffer();
  const length = binding.byteLength(string, enc);
  if (length >= Buffer.poolSize >>> 1) {
    const b = new FastBuffer(length);
    const actual = binding.write(b, string, 0, length, enc);
    return actual === length ? b : new FastBuffer(b.buffer, 0, actual);
  }
  if (length > poolSize - poolOffset) createPool();
  const actual = binding.write(new FastBuffer(pool, poolOffset, length), string, 0, length, enc);
  return fromPool(actual);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < Buffer.poolSize >>> 1) {
    const b = fromPool(obj.length);
    b.set(obj, 0);
    return b;
  }
  return new FastBuffer(obj);
}

function fromArrayBuffer(obj, byteOffset, length) {
  byteOffset = byteOffset === undefined ? 0 : +byteOffset;
  if (byteOffset !== byteOffset) byteOffset = 0;
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > maxLength) throw codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
    if (!(length > 0)) length = 0;
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || obj.buffer instanceof ArrayBuffer) {
    return typeof obj.length !== 'number' ? new FastBuffer() : fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.poolSize = 8 * 1024;
createPool();

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (value instanceof ArrayBuffer) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    const primitive = typeof valueOf === 'string' || typeof valueOf === 'object';
    if (valueOf != null && valueOf !== value && primitive) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw argType('first argument', 'of type string or an instance of Buffer, ArrayBuffer, ' +
    'or Array or an Array-like Object', value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw argType('view', 'an instance of TypedArray', view);
  }
  const size = view.BYTES_PER_ELEMENT;
  let start = 0, end = view.length;
  if (offset !== undefined) {
    validateOffset(offset, 'offset', 0);
    start = Math.min(offset, end);
  }
  if (length !== undefined) {
    validateOffset(length, 'length', 0);
    end = Math.min(start + length, end);
  }
  if (end <= start) return new FastBuffer();
  const bytes = new Uint8Array(view.buffer, view.byteOffset + start * size, (end - start) * size);
  return fromArrayLike(bytes);
};

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillImpl(new FastBuffer(size), fill, 0, size, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw argType('buf1', BUFFER_OR_UINT8, buf1);
  if (!isUint8Array(buf2)) throw argType('buf2', BUFFER_OR_UINT8, buf2);
  return buf1 === buf2 ? 0 : binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingOf(encoding) !== undefined;
};

// node keeps isEncoding under a symbol too (its streams use it); console.log(Buffer) shows it
Buffer[Symbol('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw argType('list', 'an instance of Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) if (list[i].length) length += list[i].length;
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (!isUint8Array(b)) throw argType(`list[${i}]`, BUFFER_OR_UINT8, b);
    pos += binding.copy(b, buffer, pos, 0, b.length);
  }
  if (pos < length) Uint8Array.prototype.fill.call(buffer, 0, pos, length);
  return buffer;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer) return string.byteLength;
    throw argType('string', 'of type string or an instance of Buffer or ArrayBuffer', string);
  }
  if (string.length === 0) return 0;
  const enc = encoding ? encodingOf(encoding) : UTF8;
  return binding.byteLength(string, enc === undefined ? UTF8 : enc);
};

// ==== Strings in and out ====

const proto = Buffer.prototype;
const NAMES = ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
for (let enc = 0; enc < NAMES.length; enc++) {
  const slice = { [`${NAMES[enc]}Slice`](start, end) {
    if (end === undefined) end = this.length;
    return binding.toString(this, enc, start === undefined ? 0 : start, end);
  } };
  const write = { [`${NAMES[enc]}Write`](string, offset = 0, length = this.length - offset) {
    if (typeof string !== 'string') throw notString();
    if (offset > this.length || offset < 0) throw codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
    return binding.write(this, string, offset, length, enc);
  } };
  proto[`${NAMES[enc]}Slice`] = slice[`${NAMES[enc]}Slice`];
  proto[`${NAMES[enc]}Write`] = write[`${NAMES[enc]}Write`];
}

proto.toString = function toString(encoding, start, end) {
  const len = this.length;
  if (arguments.length === 0) return binding.toString(this, UTF8, 0, len);
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.toString(this, UTF8, start, end);
  const enc = encodingOf(encoding);
  if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
  return binding.toString(this, enc, start, end);
};
proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw notString();
  if (offset === undefined) return binding.write(this, string, 0, this.length, UTF8);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  const enc = !encoding ? UTF8 : encodingOf(encoding);
  if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
  return binding.write(this, string, offset, length, enc);
};

proto.toJSON = function toJSON() {
  return { type: 'Buffer', data: Array.prototype.slice.call(this) };
};

// ==== Views, comparing, searching ====

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || offset !== offset) return 0;
  if (offset < 0) return offset + length > 0 ? offset + length : 0;
  return offset < length ? offset : length;
}

proto.subarray = function subarray(start, end) {
  const length = this.length;
  start = adjustOffset(start, length);
  end = end !== undefined ? adjustOffset(end, length) : length;
  return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
};

proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) throw argType('otherBuffer', BUFFER_OR_UINT8, otherBuffer);
  if (this === otherBuffer) return true;
  return this.byteLength === otherBuffer.byteLength && binding.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw argType('target', BUFFER_OR_UINT8, target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  if (sourceStart > this.length) {
    throw outOfRange('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  }
  if (targetStart > target.length) {
    throw outOfRange('targetStart', `>= 0 && <= ${target.length}`, targetStart);
  }
  const source = new Uint8Array(this.buffer, this.byteOffset + sourceStart, sourceEnd - sourceStart);
  return binding.compare(source,
    new Uint8Array(target.buffer, target.byteOffset + targetStart, targetEnd - targetStart));
};

// Where a search starts, as node's IndexOfOffset puts it (-1: nowhere).
function searchStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    return forward || needleLength === 0 ? 0 : -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  return forward ? -1 : length - 1;
}

function indexOf(buffer, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (byteOffset !== byteOffset) byteOffset = forward ? 0 : buffer.length;
  byteOffset = Math.trunc(byteOffset);
  let needle;
  if (typeof value === 'number') {
    needle = new Uint8Array([value >>> 0 & 255]);
  } else {
    const enc = encoding === undefined ? UTF8 : encodingOf(encoding);
    if (typeof value === 'string') {
      if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
      // node searches for a UTF-8 string's bytes as V8 writes them: a lone surrogate
      // as three bytes of its own, never found in a Buffer
      const lone = enc === UTF8 && /[\ud800-\udfff]/.test(value);
      needle = lone ? binding.wtf8(value) : fromString(value, NAMES[enc]);
    } else if (isUint8Array(value)) {
      needle = value;
    } else {
      throw argType('value', `one of type number or string or ${BUFFER_OR_UINT8}`, value);
    }
  }
  const start = searchStart(buffer.length, byteOffset, needle.length, forward);
  if (needle.length === 0) return start;
  if (buffer.length === 0 || start < 0) return -1;
  return binding.indexOf(buffer, needle, start, forward);
}

proto.indexOf = function indexOf_(value, byteOffset, encoding) {
  return indexOf(this, value, byteOffset, encoding, true);
};
Object.defineProperty(proto.indexOf, 'name', { value: 'indexOf' });

proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return indexOf(this, value, byteOffset, encoding, false);
};

proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

// ==== Filling and copying ====

function fillImpl(buf, value, offset, end, encoding) {
  let enc;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    enc = encoding === undefined || encoding === null ? UTF8 : encodingOf(encoding);
    if (enc === undefined) {
      if (typeof encoding !== 'string') throw argType('encoding', 'of type string', encoding);
      throw codes.ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) value = 0;
    else if (value.length === 1 && enc === UTF8 && value < '\x80') value = value.charCodeAt(0);
    else if (value.length === 1 && enc === LATIN1) value = value.charCodeAt(0);
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (end > buf.byteLength) throw codes.ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
    return buf;
  }
  let pattern;
  if (typeof value === 'string') pattern = fromString(value, NAMES[enc]);
  else if (ArrayBuffer.isView(value)) pattern = bytesOf(value);
  else pattern = new Uint8Array([(value >>> 0) & 255]);
  if (pattern.length === 0) throw argValue('value', value);
  if (end > buf.byteLength) throw codes.ERR_BUFFER_OUT_OF_BOUNDS();
  binding.fill(buf, pattern, offset, end);
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

function toInteger(n, otherwise) {
  n = +n;
  if (!(n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER)) return otherwise;
  return n % 1 === 0 ? n : Math.floor(n);
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBuffer.isView(this)) throw argType('source', BUFFER_OR_UINT8, this);
  if (!ArrayBuffer.isView(target)) throw argType('target', BUFFER_OR_UINT8, target);
  targetStart = targetStart === undefined ? 0 : toInteger(targetStart, 0);
  if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
  sourceStart = sourceStart === undefined ? 0 : toInteger(sourceStart, 0);
  if (sourceStart < 0 || sourceStart > this.length) {
    throw outOfRange('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  }
  sourceEnd = sourceEnd === undefined ? this.length : toInteger(sourceEnd, 0);
  if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return binding.copy(this, target, targetStart, sourceStart, Math.min(sourceEnd, this.length));
};

function swap(buf, size) {
  if (buf.length % size !== 0) throw codes.ERR_INVALID_BUFFER_SIZE(`${size * 8}-bits`);
  for (let i = 0; i < buf.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
  return buf;
}
proto.swap16 = function swap16() { return swap(this, 2); };
proto.swap32 = function swap32() { return swap(this, 4); };
proto.swap64 = function swap64() { return swap(this, 8); };

Object.defineProperty(proto, 'parent', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

require('internal/buffer/numbers').install(proto, validateNumber);

// ==== Printing ====

let inspect;
proto[Symbol.for('nodejs.util.inspect.custom')] = function (recurseTimes, ctx) {
  const shown = Math.min(INSPECT_MAX_BYTES, this.length);
  let str = binding.toString(this, HEX, 0, shown).replace(/(.{2})/g, '$1 ').trim();
  const remaining = this.length - INSPECT_MAX_BYTES;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const extras = { __proto__: null };
    let any = false;
    const keys = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    for (const key of keys) {
      if (`${key >>> 0}` === key) continue;
      extras[key] = this[key];
      any = true;
    }
    if (any) {
      if (inspect === undefined) inspect = require('util').inspect;
      if (this.length !== 0) str += ', ';
      str += inspect(extras, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[Symbol.for('nodejs.util.inspect.custom')];

// ==== atob and btoa ====

// The DOMException atob and btoa throw (made in C: stdlib/node/clone.c).
function invalidCharacter(message) {
  return binding.domException(message, 'InvalidCharacterError');
}

function btoa(input) {
  if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw invalidCharacter('Invalid character');
  }
  return binding.toString(fromString(input, 'latin1'), BASE64, 0, kMaxLength);
}

//> node.atob
// atob follows the WHATWG forgiving-base64 rules, with node's two messages (and node's
// order of the checks): ASCII whitespace is skipped; '=' may only end the text, at most
// twice; the digits may not leave a remainder of one; and '=' must complete a group of four.
const WHITESPACE = '\t\n\f\r ';
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function atob(input) {
  if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('input');
  input = `${input}`;
  let count = 0, equals = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (WHITESPACE.includes(c)) continue;
    count++;
    if (c === '=') equals++;
    else if (equals || !DIGITS.includes(c)) throw invalidCharacter('Invalid character');
    if (equals > 2) throw invalidCharacter('Invalid character');
  }
  if ((count - equals) % 4 === 1) {
    throw invalidCharacter('The string to be decoded is not correctly encoded.');
  }
  if (count % 4 !== 0 && equals) throw invalidCharacter('Invalid character');
  return binding.toString(fromString(input, 'base64'), LATIN1, 0, kMaxLength);
}
//< node.atob

// isUtf8 and isAscii: the bytes of any typed array or ArrayBuffer.
function inputBytes(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input) && !(input instanceof DataView)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  throw argType('input', 'an instance of ArrayBuffer, Buffer, or TypedArray', input);
}

function isUtf8(input) {
  return binding.utf8Check(inputBytes(input)) === -1;
}

function isAscii(input) {
  return binding.isAscii(inputBytes(input));
}

module.exports = {
  Buffer, isUtf8, isAscii, SlowBuffer: Buffer.allocUnsafeSlow, kMaxLength, kStringMaxLength, btoa, atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES,
};
// Blob and File are the globals' classes, loaded when first read.
for (const name of ['Blob', 'File']) {
  Object.defineProperty(module.exports, name, {
    get() { return require('internal/fetch/body')[name]; },
    enumerable: true,
    configurable: true,
  });
}
