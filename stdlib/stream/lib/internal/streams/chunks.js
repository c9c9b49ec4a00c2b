'use strict';
// internal/streams/chunks: the one place that knows what a byte chunk is. tinynode has
// no Buffer yet, so bytes are Uint8Array: strings are encoded here (UTF-8, latin1,
// ascii, hex), buffered chunks are concatenated here, and Decoder turns bytes back into
// strings without splitting a UTF-8 sequence across chunks (setEncoding). When Buffer
// arrives, fromString/concat/slice become Buffer.from/Buffer.concat/subarray.
// Book: chapter 8, "Streams".

const ENCODINGS = {
  utf8: 'utf8', 'utf-8': 'utf8', latin1: 'latin1', binary: 'latin1', ascii: 'ascii',
  hex: 'hex', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
};

// The canonical name of an encoding ('UTF-8' -> 'utf8'), or undefined.
function normalize(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  return ENCODINGS[String(encoding).toLowerCase()];
}

function isBytes(chunk) {
  return chunk instanceof Uint8Array;
}

function utf8Bytes(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00), i++;
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // a lone surrogate
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

// A string's bytes in an encoding (a known one: the caller checked it).
function fromString(s, encoding) {
  const enc = normalize(encoding);
  if (enc === 'utf8') return utf8Bytes(s);
  if (enc === 'hex') {
    const n = s.length >> 1, out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = parseInt(s.substr(2 * i, 2), 16);
    return out;
  }
  if (enc === 'utf16le') {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) out[2 * i] = s.charCodeAt(i) & 255, out[2 * i + 1] = s.charCodeAt(i) >> 8;
    return out;
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & (enc === 'ascii' ? 127 : 255);
  return out;
}

// Any TypedArray or DataView viewed as bytes (node takes them as Buffer.from would).
function toBytes(view) {
  if (view instanceof Uint8Array) return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// One chunk made of the first `total` bytes of list (an array of Uint8Array).
function concat(list, total) {
  if (list.length === 1) return list[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of list) out.set(b, at), at += b.length;
  return out;
}

function slice(bytes, start, end) {
  return bytes.subarray(start, end);
}

// Turns byte chunks into strings; a UTF-8 sequence cut between chunks waits for the rest.
class Decoder {
  constructor(encoding) {
    this.encoding = normalize(encoding);
    this.pending = [];
  }

  write(bytes) {
    if (typeof bytes === 'string') return bytes;
    if (this.encoding !== 'utf8') return decodeSimple(bytes, this.encoding);
    const all = this.pending.length ? [...this.pending, ...bytes] : bytes;
    let end = all.length, back = 0;
    while (back < 3 && end - back - 1 >= 0 && (all[end - back - 1] & 0xc0) === 0x80) back++;
    const lead = end - back - 1;
    if (lead >= 0 && all[lead] >= 0xc0 && sequenceLength(all[lead]) > back + 1) end = lead;
    this.pending = Array.prototype.slice.call(all, end);
    return decodeUtf8(all, 0, end);
  }

  end(bytes) {
    let s = bytes ? this.write(bytes) : '';
    if (this.pending.length) s += '\ufffd';
    this.pending = [];
    return s;
  }
}

function sequenceLength(lead) {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

function decodeSimple(bytes, enc) {
  let s = '';
  if (enc === 'hex') {
    for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  } else if (enc === 'utf16le') {
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  } else {
    for (const b of bytes) s += String.fromCharCode(enc === 'ascii' ? b & 127 : b);
  }
  return s;
}

// UTF-8 to a string as node decodes it: each invalid byte becomes U+FFFD.
function decodeUtf8(b, start, end) {
  let s = '';
  for (let i = start; i < end;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    let cp = n === 1 ? c : n === 2 ? c & 31 : n === 3 ? c & 15 : c & 7, ok = n > 0 && i + n <= end;
    for (let k = 1; ok && k < n; k++) {
      if ((b[i + k] & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b[i + k] & 63);
    }
    if (ok && ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (!ok) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

module.exports = { normalize, isBytes, fromString, toBytes, concat, slice, Decoder, decodeUtf8 };
