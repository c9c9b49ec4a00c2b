'use strict';
// string_decoder: StringDecoder turns a stream of byte chunks into text without cutting
// a character in two: a UTF-8 sequence or UTF-16 pair split between chunks, or base64's
// three-byte groups, wait in `pending` for the next write; end() decodes what is left.
// For UTF-8 it follows node's own rules, which look only at the lead byte to decide what
// to hold back: a held character is decoded alone once its bytes are in, or as soon as a
// byte that cannot continue it arrives. Book: chapter 11, "Files".

const { Buffer } = require('buffer');
const binding = require('internal/buffer');
const { codes, argType } = require('internal/errors');

const NAMES = {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
  'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', ascii: 'ascii', base64: 'base64',
  base64url: 'base64url', hex: 'hex',
};

function normalize(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  return NAMES[`${encoding}`.toLowerCase()];
}

// How many bytes at the end of bytes must wait for the next chunk, and (UTF-8) how many
// more the character they start needs.
function heldBack(encoding, bytes) {
  const n = bytes.length;
  if (encoding === 'utf8') return utf8Tail(bytes);
  if (encoding === 'utf16le') {
    const odd = n % 2;
    const last = n - odd >= 2 ? bytes[n - odd - 2] | bytes[n - odd - 1] << 8 : 0;
    return [odd + (last >= 0xd800 && last < 0xdc00 ? 2 : 0), 0];
  }
  if (encoding === 'base64' || encoding === 'base64url') return [n % 3, 0];
  return [0, 0];
}

// Node's test: walk back over at most three continuation bytes to a lead byte, whose
// high bits give the character's length; hold the bytes if fewer have come.
function utf8Tail(bytes) {
  const n = bytes.length;
  if (n === 0 || bytes[n - 1] < 0x80) return [0, 0];
  for (let i = n - 1, count = 1; i >= 0; i--, count++) {
    const c = bytes[i];
    if ((c & 0xc0) === 0x80) {
      if (count >= 4 || i === 0) return [0, 0];
      continue;
    }
    const length = (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;
    return count < length ? [count, length - count] : [0, 0];
  }
  return [0, 0];
}

// What node shows of a decoder's state: a 7-byte Buffer under a symbol, laid out as its
// C++ keeps it (the held bytes, the bytes missing, the bytes held, the encoding's number).
const kNativeDecoder = Symbol('kNativeDecoder');
const NATIVE_CODES = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7 };

class StringDecoder {
  #pending;
  #missing;

  constructor(encoding) {
    const normalized = normalize(encoding);
    if (normalized === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = normalized;
    this.#pending = null;
    this.#missing = 0; // UTF-8: bytes the held character still needs
    this[kNativeDecoder] = Buffer.alloc(7);
    this[kNativeDecoder][6] = NATIVE_CODES[normalized];
  }

  #record() {
    const state = this[kNativeDecoder];
    if (this.#pending) state.set(this.#pending.subarray(0, 4), 0);
    state[4] = this.#missing;
    state[5] = this.#pending ? this.#pending.length : 0;
  }

  write(buf) {
    const text = this.#write(buf);
    this.#record();
    return text;
  }

  #write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) {
      throw argType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
    }
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    let prefix = '';
    if (this.#missing > 0) {
      let take = 0;
      while (take < bytes.length && take < this.#missing && (bytes[take] & 0xc0) === 0x80) take++;
      const broken = take < bytes.length && take < this.#missing;
      this.#pending = Buffer.concat([this.#pending, bytes.subarray(0, take)]);
      this.#missing = broken ? 0 : this.#missing - take;
      bytes = bytes.subarray(take);
      if (this.#missing > 0) return '';
      prefix = this.#pending.toString('utf8');
      this.#pending = null;
    } else if (this.#pending) {
      bytes = Buffer.concat([this.#pending, bytes]);
      this.#pending = null;
    }
    const [keep, missing] = heldBack(this.encoding, bytes);
    this.#missing = missing;
    if (keep) this.#pending = Buffer.from(bytes.subarray(bytes.length - keep));
    return prefix + bytes.toString(this.encoding, 0, bytes.length - keep);
  }

  end(buf) {
    let text = buf === undefined ? '' : this.write(buf);
    const rest = this.#pending;
    this.#pending = null;
    this.#missing = 0;
    if (rest) text += rest.toString(this.encoding);
    this.#record();
    return text;
  }

  text(buf, offset) {
    this.#pending = null;
    this.#missing = 0;
    return this.write(buf.subarray(offset));
  }
}

for (const [name, get] of [
  ['lastChar', function () { return this[kNativeDecoder].subarray(0, 4); }],
  ['lastNeed', function () { return this[kNativeDecoder][4]; }],
  ['lastTotal', function () { return this[kNativeDecoder][4] + this[kNativeDecoder][5]; }],
]) {
  Object.defineProperty(StringDecoder.prototype, name, { configurable: true, enumerable: true, get });
}

module.exports = { StringDecoder };
