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

// A plain function, as node's is: old code calls it on its own objects
// (StringDecoder.call(this, encoding), iconv-lite's decoders). What it holds back
// between writes is kept out of sight, by decoder.
const held = new WeakMap(); // decoder -> { pending: the bytes held, missing: UTF-8 bytes still due }

function StringDecoder(encoding) {
  const normalized = normalize(encoding);
  if (normalized === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = normalized;
  held.set(this, { pending: null, missing: 0 });
  this[kNativeDecoder] = Buffer.alloc(7);
  this[kNativeDecoder][6] = NATIVE_CODES[normalized];
}

function heldOf(decoder) {
  let h = held.get(decoder);
  if (!h) held.set(decoder, (h = { pending: null, missing: 0 }));
  return h;
}

function record(decoder, h) {
  const state = decoder[kNativeDecoder];
  if (h.pending) state.set(h.pending.subarray(0, 4), 0);
  state[4] = h.missing;
  state[5] = h.pending ? h.pending.length : 0;
}

function decode(decoder, h, buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw argType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
  }
  let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let prefix = '';
  if (h.missing > 0) {
    let take = 0;
    while (take < bytes.length && take < h.missing && (bytes[take] & 0xc0) === 0x80) take++;
    const broken = take < bytes.length && take < h.missing;
    h.pending = Buffer.concat([h.pending, bytes.subarray(0, take)]);
    h.missing = broken ? 0 : h.missing - take;
    bytes = bytes.subarray(take);
    if (h.missing > 0) return '';
    prefix = h.pending.toString('utf8');
    h.pending = null;
  } else if (h.pending) {
    bytes = Buffer.concat([h.pending, bytes]);
    h.pending = null;
  }
  const [keep, missing] = heldBack(decoder.encoding, bytes);
  h.missing = missing;
  if (keep) h.pending = Buffer.from(bytes.subarray(bytes.length - keep));
  return prefix + bytes.toString(decoder.encoding, 0, bytes.length - keep);
}

StringDecoder.prototype.write = function write(buf) {
  const h = heldOf(this);
  const text = decode(this, h, buf);
  record(this, h);
  return text;
};

StringDecoder.prototype.end = function end(buf) {
  let text = buf === undefined ? '' : this.write(buf);
  const h = heldOf(this);
  const rest = h.pending;
  h.pending = null;
  h.missing = 0;
  if (rest) text += rest.toString(this.encoding);
  record(this, h);
  return text;
};

StringDecoder.prototype.text = function text(buf, offset) {
  const h = heldOf(this);
  h.pending = null;
  h.missing = 0;
  return this.write(buf.subarray(offset));
};

for (const [name, get] of [
  ['lastChar', function () { return this[kNativeDecoder].subarray(0, 4); }],
  ['lastNeed', function () { return this[kNativeDecoder][4]; }],
  ['lastTotal', function () { return this[kNativeDecoder][4] + this[kNativeDecoder][5]; }],
]) {
  Object.defineProperty(StringDecoder.prototype, name, { configurable: true, enumerable: true, get });
}

module.exports = { StringDecoder };
