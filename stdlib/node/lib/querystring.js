'use strict';
// querystring: node's query-string module (also what url.parse(s, true) parses with).
// Book: chapter 11, "Files" ("URLs"). Entry points: parse/decode, stringify/encode,
// escape, unescape, unescapeBuffer.
//
// Unlike URLSearchParams it is node's own format: repeated keys become arrays, the
// separators may be any strings, a malformed %-escape is kept as it is rather than
// refused, and escape() keeps the characters encodeURIComponent keeps.

// ERR_INVALID_URI: a URIError, which internal/errors does not make.
function invalidUri() {
  const e = new URIError('URI malformed');
  Error.captureStackTrace(e, encodeWith);
  e.code = 'ERR_INVALID_URI';
  e.stack = e.stack.replace(/^URIError/, 'URIError [ERR_INVALID_URI]');
  return e;
}

const HEX = '0123456789ABCDEF';
const unreserved = (c) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
  c === 0x21 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2a || c === 0x2d ||
  c === 0x2e || c === 0x5f || c === 0x7e;

// Percent-encodes str's UTF-8 bytes except the unreserved characters (keep is the set).
function encodeWith(str, keep) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      out += keep(c) ? str[i] : '%' + HEX[c >> 4] + HEX[c & 15];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || next < 0xdc00 || next > 0xdfff)
        throw invalidUri();
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    for (const b of utf8(c)) out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

function utf8(c) {
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeWith(str, unreserved);
}

const hexValue = (c) =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;

// The bytes of s with each valid %XX decoded (and "+" as a space when decodeSpaces).
function unescapeBuffer(s, decodeSpaces) {
  const { Buffer } = require('buffer');
  const bytes = Buffer.from(`${s}`);
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const hi = b === 0x25 && i + 2 < bytes.length ? hexValue(bytes[i + 1]) : -1;
    const lo = hi >= 0 ? hexValue(bytes[i + 2]) : -1;
    if (lo >= 0) (out[n++] = hi * 16 + lo), (i += 2);
    else out[n++] = decodeSpaces && b === 0x2b ? 0x20 : b;
  }
  return out.subarray(0, n);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

// ==== stringify ====

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = (v) => encode(stringifyPrimitive(v));
  if (obj === null || typeof obj !== 'object') return '';
  let fields = '';
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; j++) {
        if (j) fields += sep;
        fields += ks + convert(v[j]);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v);
    }
  }
  return fields;
}

// ==== parse ====

function addPair(obj, key, value) {
  const current = obj[key];
  if (current === undefined) obj[key] = value;
  else if (typeof current === 'string') obj[key] = [current, value];
  else current.push(value);
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

// Each sep-separated pair splits at its first eq; "+" is a space; maxKeys pairs at most
// (an empty pair counts towards it too); repeated keys collect into an array.
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') pairs = options.maxKeys > 0 ? options.maxKeys : 0;
  let decoder = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decoder = options.decodeURIComponent;
  const custom = decoder !== qsUnescape;
  const decode = (s) => (custom || s.includes('%') ? decodeStr(s, decoder) : s);
  for (const piece of qs.split(sep)) {
    const at = piece.indexOf(eq);
    const key = (at < 0 ? piece : piece.slice(0, at)).replace(/\+/g, ' ');
    const value = at < 0 ? '' : piece.slice(at + eq.length).replace(/\+/g, ' ');
    if (at >= 0 || key.length > 0) addPair(obj, decode(key), decode(value));
    if (--pairs === 0) break;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
