'use strict';
// crypto: the message digests (createHash, createHmac: md5, sha1, sha224, sha256, sha384,
// sha512, computed by stdlib/node/crypto_hash.c), random bytes from the system
// (randomBytes, randomFill, randomInt, randomUUID, getRandomValues), timingSafeEqual, and
// globalThis.crypto's getRandomValues and randomUUID. Ciphers, key derivation, signing
// and crypto.subtle are not in tinynode: those functions throw. Book: chapter 11,
// "Files" (the crypto section).

const binding = require('internal/crypto');
const errors = require('internal/errors');
const { Transform } = require('stream');
const { Buffer } = require('buffer');

const kHandle = Symbol('kHandle');
const kFinalized = Symbol('kFinalized');

function finalizedError() {
  return errors.makeError(0, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}

function isView(v) {
  return ArrayBuffer.isView(v);
}

// The bytes of update()'s data: a string in its encoding (utf8 unless said), or a view.
function dataBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  if (isView(data)) return data;
  throw errors.argType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

// digest(encoding): a string in a Buffer encoding, else (as node 20) the Buffer itself.
function encoded(buffer, encoding) {
  return encoding !== undefined && Buffer.isEncoding(encoding) ? buffer.toString(encoding) : buffer;
}

// ==== Streams made on first use ====

// Hash and Hmac are Transform streams, as node's, but most programs only call update()
// and digest(): like node's LazyTransform, the stream's state is made the first time
// something reads it.
function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get() {
      Transform.call(this, this._options);
      return this[name];
    },
    set(value) {
      Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
    },
    enumerable: true,
    configurable: true,
  });
}

// Both digests as streams: written chunks are hashed, the digest comes out at the end.
class DigestStream extends LazyTransform {
  _transform(chunk, encoding, callback) {
    this.update(chunk, encoding);
    callback();
  }

  _flush(callback) {
    this.push(this.digest());
    callback();
  }
}

// ==== Hash ====

class Hash extends DigestStream {
  constructor(algorithm, options, handle) {
    if (typeof algorithm !== 'string' && !handle) throw errors.argType('algorithm', 'of type string', algorithm);
    super(options);
    this[kHandle] = handle || binding.hashNew(algorithm);
    if (!this[kHandle]) throw new Error('Digest method not supported');
    this[kFinalized] = false;
  }

  update(data, encoding) {
    if (this[kFinalized]) throw finalizedError();
    binding.hashUpdate(this[kHandle], dataBytes(data, encoding));
    return this;
  }

  digest(encoding) {
    if (this[kFinalized]) throw finalizedError();
    this[kFinalized] = true;
    return encoded(binding.hashDigest(this[kHandle]), encoding);
  }

  copy(options) {
    if (this[kFinalized]) throw finalizedError();
    return new Hash(undefined, options, binding.hashCopy(this[kHandle]));
  }
}

// ==== Hmac (RFC 2104) ====

function keyBytes(key) {
  if (typeof key === 'string') return Buffer.from(key, 'utf8');
  if (isView(key)) return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  if (key instanceof ArrayBuffer) return Buffer.from(key);
  throw errors.argType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
}

// The key as HMAC uses it: hashed first when longer than a block.
function blockKey(algorithm, key, blockSize) {
  if (key.length <= blockSize) return key;
  const h = binding.hashNew(algorithm);
  binding.hashUpdate(h, key);
  return binding.hashDigest(h);
}

// key zero-padded to a block and XORed with pad.
function paddedKey(key, blockSize, pad) {
  const out = Buffer.alloc(blockSize, pad);
  for (let i = 0; i < key.length; i++) out[i] ^= key[i];
  return out;
}

class Hmac extends DigestStream {
  constructor(algorithm, key, options) {
    if (typeof algorithm !== 'string') throw errors.argType('hmac', 'of type string', algorithm);
    const bytes = keyBytes(key);
    super(options);
    const inner = binding.hashNew(algorithm);
    if (!inner) throw new Error(`Invalid digest: ${algorithm}`);
    const blockSize = binding.hashBlockSize(inner);
    const k = blockKey(algorithm, bytes, blockSize);
    binding.hashUpdate(inner, paddedKey(k, blockSize, 0x36));
    this[kHandle] = { inner, algorithm, outerKey: paddedKey(k, blockSize, 0x5c) };
    this[kFinalized] = false;
  }

  update(data, encoding) {
    if (this[kFinalized]) throw finalizedError();
    binding.hashUpdate(this[kHandle].inner, dataBytes(data, encoding));
    return this;
  }

  // A second digest() gives an empty Buffer (or string), as node's.
  digest(encoding) {
    if (this[kFinalized]) return encoded(Buffer.alloc(0), encoding);
    this[kFinalized] = true;
    const { inner, algorithm, outerKey } = this[kHandle];
    const outer = binding.hashNew(algorithm);
    binding.hashUpdate(outer, outerKey);
    binding.hashUpdate(outer, binding.hashDigest(inner));
    return encoded(binding.hashDigest(outer), encoding);
  }
}

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(algorithm, key, options) {
  return new Hmac(algorithm, key, options);
}

// ==== Random bytes ====

const MAX_SIZE = 2147483647;

// A size or offset, as node checks them: a number in [0, max] (a fraction is cut).
function checkSize(size, name, max) {
  if (typeof size !== 'number') throw errors.argType(name, 'of type number', size);
  if (!(size >= 0 && size <= max)) throw errors.outOfRange(name, `>= 0 && <= ${max}`, size);
  return Math.floor(size);
}

function checkCallback(callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.argType('callback', 'of type function', callback);
  }
}

function fill(view, offset, size) {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const err = binding.randomFill(bytes, offset, size);
  if (err) throw errors.makeError(0, 'ERR_CRYPTO_OPERATION_FAILED', `Random bytes unavailable (${err})`);
}

function randomBytes(size, callback) {
  size = checkSize(size, 'size', MAX_SIZE);
  checkCallback(callback);
  const buf = Buffer.alloc(size);
  fill(buf, 0, size);
  if (!callback) return buf;
  setImmediate(callback, null, buf); // node's comes from the thread pool, a turn later
  return undefined;
}

// [offset, size] in bytes of view, checked as node checks them (a typed array's are
// counted in its elements).
function fillRange(view, offset, size) {
  if (!isView(view) && !(view instanceof ArrayBuffer)) {
    throw errors.argType('buf', 'an instance of ArrayBuffer or ArrayBufferView', view);
  }
  const element = view.BYTES_PER_ELEMENT || 1;
  const length = view.byteLength;
  offset = offset === undefined ? 0 : checkSize(offset * element, 'offset', length);
  if (size === undefined) return [offset, length - offset];
  size = checkSize(size * element, 'size', MAX_SIZE);
  if (size + offset > length) throw errors.outOfRange('size + offset', `<= ${length}`, size + offset);
  return [offset, size];
}

function randomFillSync(buf, offset, size) {
  const [start, count] = fillRange(buf, offset, size);
  fill(isView(buf) ? buf : new Uint8Array(buf), start, count);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') [callback, offset, size] = [offset, undefined, undefined];
  else if (typeof size === 'function') [callback, size] = [size, undefined];
  if (typeof callback !== 'function') throw errors.argType('callback', 'of type function', callback);
  randomFillSync(buf, offset, size);
  setImmediate(callback, null, buf);
}

function randomUUID(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw errors.argType('options', 'of type object', options);
  }
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // the RFC 4122 variant
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function checkSafeInteger(value, name) {
  if (!Number.isSafeInteger(value)) throw errors.argType(name, 'a safe integer', value);
}

// A uniform integer in [min, max) by rejection from 48 random bits, as node's.
function randomInt(min, max, callback) {
  if (typeof max === 'function' || max === undefined) [callback, max, min] = [max, min, 0];
  checkCallback(callback);
  checkSafeInteger(min, 'min');
  checkSafeInteger(max, 'max');
  if (max <= min) {
    throw errors.makeError(2, 'ERR_OUT_OF_RANGE', 'The value of "max" is out of range. It must be greater ' +
      `than the value of "min" (${min}). Received ${max}`);
  }
  const range = max - min;
  if (range > 2 ** 48 - 1) {
    throw errors.outOfRange('max - min', '<= 281474976710655', range);
  }
  const limit = 2 ** 48 - (2 ** 48 % range);
  let n;
  do n = randomBytes(6).readUIntBE(0, 6); while (n >= limit);
  const result = min + (n % range);
  if (!callback) return result;
  process.nextTick(callback, undefined, result); // node's comes from its cache of bytes
  return undefined;
}

const integerArrays = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];

function getRandomValues(data) {
  const tag = isView(data) && !(data instanceof DataView) ? Object.prototype.toString.call(data).slice(8, -1) : '';
  if (!integerArrays.includes(tag)) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  fill(data, 0, data.byteLength);
  return data;
}

// node checks these in C++, whose message names no received value.
function checkBytes(v, name) {
  if (!isView(v) && !(v instanceof ArrayBuffer)) {
    throw errors.makeError(1, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  }
}

function timingSafeEqual(a, b) {
  checkBytes(a, 'buf1');
  checkBytes(b, 'buf2');
  const x = isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a);
  const y = isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
  if (x.length !== y.length) {
    throw errors.makeError(2, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  }
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i]; // no early exit
  return diff === 0;
}

function notSupported(name) {
  return function () {
    throw new Error(`crypto.${name} is not supported by tinynode`);
  };
}

// globalThis.crypto: the part of Web Crypto tinynode has.
const webcrypto = {
  getRandomValues,
  randomUUID,
  get subtle() {
    throw new Error('crypto.subtle is not supported by tinynode');
  },
};

module.exports = {
  createHash,
  createHmac,
  Hash,
  Hmac,
  getHashes: () => binding.hashes(),
  randomBytes,
  pseudoRandomBytes: randomBytes,
  prng: randomBytes,
  rng: randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
  timingSafeEqual,
  webcrypto,
  constants: {},
};
for (const name of ['createCipheriv', 'createDecipheriv', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync',
  'hkdf', 'hkdfSync', 'createSign', 'createVerify', 'sign', 'verify', 'generateKeyPair',
  'generateKeyPairSync', 'generateKey', 'generateKeySync', 'createPrivateKey', 'createPublicKey',
  'createSecretKey', 'createDiffieHellman', 'createECDH', 'getDiffieHellman', 'publicEncrypt',
  'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'getCiphers', 'getCurves', 'hash',
  'generatePrime', 'generatePrimeSync', 'checkPrime', 'checkPrimeSync']) {
  module.exports[name] = notSupported(name);
}
