'use strict';
// string_decoder: StringDecoder turns a stream of byte chunks into text without cutting
// a character in two: a UTF-8 sequence or UTF-16 pair split between chunks, or base64's
// three-byte groups, wait in `pending` for the next write; end() flushes what is left
// (an unfinished UTF-8 character as U+FFFD). Book: chapter 11, "Files".

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

// How many bytes at the end of bytes must wait for the next chunk.
function heldBack(encoding, bytes) {
  const n = bytes.length;
  if (encoding === 'utf8') {
    for (let k = 1; k <= 3 && k <= n; k++) {
      if (binding.utf8Check(bytes.subarray(n - k)) === 0) return k;
    }
    return 0;
  }
  if (encoding === 'utf16le') {
    const odd = n % 2;
    const last = n - odd >= 2 ? bytes[n - odd - 2] | bytes[n - odd - 1] << 8 : 0;
    return odd + (last >= 0xd800 && last < 0xdc00 ? 2 : 0);
  }
  if (encoding === 'base64' || encoding === 'base64url') return n % 3;
  return 0;
}

class StringDecoder {
  constructor(encoding) {
    const normalized = normalize(encoding);
    if (normalized === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = normalized;
    this.pending = null;
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) throw argType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this.pending) bytes = Buffer.concat([this.pending, bytes]);
    const keep = heldBack(this.encoding, bytes);
    this.pending = keep ? Buffer.from(bytes.subarray(bytes.length - keep)) : null;
    return bytes.toString(this.encoding, 0, bytes.length - keep);
  }

  end(buf) {
    let text = buf === undefined ? '' : this.write(buf);
    const rest = this.pending;
    this.pending = null;
    if (rest) text += this.encoding === 'utf8' ? '\ufffd' : rest.toString(this.encoding);
    return text;
  }

  text(buf, offset) {
    this.pending = null;
    return this.write(buf.subarray(offset));
  }
}

Object.defineProperty(StringDecoder.prototype, 'lastNeed', {
  configurable: true, enumerable: true,
  get() { return this.pending ? this.pending.length : 0; },
});

module.exports = { StringDecoder };
