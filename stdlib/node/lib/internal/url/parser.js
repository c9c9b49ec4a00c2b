'use strict';
// internal/url/parser: the WHATWG URL standard's basic URL parser, as node 20 runs it.
// Book: chapter 11, "Files" ("URLs"). Entry points: parse(input, base, url, override)
// returns a URL record ({scheme, username, password, host, port, path, opaque, query,
// fragment}) or null for failure; serialize(record) is its href; parseHost, the host
// parser the URL setters and url.domainToASCII share; the percent-encode sets.
//
// The parser is the standard's state machine, one state per case of the loop, walking the
// input's code points with a pointer that a state may move back ("decrease pointer by 1")
// to hand the same code point to the next state. A setter runs it with a state override:
// starting in the state of its component, stopping where that component ends.

const { domainToASCII } = require('internal/url/idna');

const EOF = -1;
const SPECIAL_PORTS = { ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };
const isSpecialScheme = (s) => Object.prototype.hasOwnProperty.call(SPECIAL_PORTS, s);
const defaultPort = (s) => (isSpecialScheme(s) ? SPECIAL_PORTS[s] : null);

// ==== Percent-encoding ====

const inC0 = (c) => c < 0x20 || c > 0x7e;
const inFragment = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const inQuery = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const inSpecialQuery = (c) => inQuery(c) || c === 0x27;
const inPath = (c) => inQuery(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
const inUserinfo = (c) =>
  inPath(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
  (c >= 0x5b && c <= 0x5e) || c === 0x7c;
const inComponent = (c) => inUserinfo(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
const inForm = (c) => inComponent(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

const HEX = '0123456789ABCDEF';

// The UTF-8 bytes of code point c.
function utf8(c) {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}

// Code point c, percent-encoded when it is in the set.
function encodeCodePoint(c, set) {
  if (!set(c)) return String.fromCodePoint(c);
  let out = '';
  for (const b of utf8(c)) out += '%' + HEX[b >> 4] + HEX[b & 15];
  return out;
}

// A string's code points (lone surrogates already replaced), each encoded with set.
function percentEncode(string, set) {
  let out = '';
  for (const ch of string) out += encodeCodePoint(ch.codePointAt(0), set);
  return out;
}

const hexValue = (c) =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;

// The bytes of string (UTF-8) with each %XX decoded.
function percentDecodeBytes(string) {
  const bytes = [];
  for (const ch of string) bytes.push(...utf8(ch.codePointAt(0)));
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const hi = bytes[i] === 0x25 && i + 2 < bytes.length ? hexValue(bytes[i + 1]) : -1;
    const lo = hi >= 0 ? hexValue(bytes[i + 2]) : -1;
    if (lo >= 0) out.push(hi * 16 + lo), (i += 2);
    else out.push(bytes[i]);
  }
  return out;
}

// UTF-8 bytes to a string, a bad sequence becoming U+FFFD as the Encoding standard says.
function decodeUtf8(bytes) {
  if (bytes.every((b) => b < 0x80)) return String.fromCharCode(...bytes);
  const view = new Uint8Array(bytes);
  return require('internal/buffer').toString(view, 0, 0, view.length);
}

const percentDecode = (string) =>
  string.includes('%') ? decodeUtf8(percentDecodeBytes(string)) : string;

// ==== Hosts ====

const FORBIDDEN_HOST = new Set([0, 9, 10, 13, 32, 35, 47, 58, 60, 62, 63, 64, 91, 92, 93, 94, 124]);
const forbiddenHost = (c) => FORBIDDEN_HOST.has(c);
const forbiddenDomain = (c) => forbiddenHost(c) || c <= 0x1f || c === 0x25 || c === 0x7f;

// host parser: the serialized host ("example.com", "127.0.0.1", "[::1]"), or null.
function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return null;
    const pieces = parseIPv6(input.slice(1, -1));
    return pieces && `[${serializeIPv6(pieces)}]`;
  }
  if (isOpaque) return parseOpaqueHost(input);
  const ascii = domainToASCII(percentDecode(input));
  if (ascii === null || ascii === '') return null;
  for (let i = 0; i < ascii.length; i++) if (forbiddenDomain(ascii.charCodeAt(i))) return null;
  if (!endsInNumber(ascii)) return ascii;
  const address = parseIPv4(ascii);
  return address === null ? null : serializeIPv4(address);
}

function parseOpaqueHost(input) {
  for (const ch of input) if (forbiddenHost(ch.codePointAt(0))) return null;
  return percentEncode(input, inC0);
}

// The last dot-separated part (a final empty one aside) is a number: an IPv4 address.
function endsInNumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== null;
}

//> node.url-ipv4
// One part of an IPv4 address: decimal, 0x hexadecimal or 0 octal; null if not a number.
function parseIPv4Number(input) {
  if (input === '') return null;
  let radix = 10;
  if (input.length >= 2 && (input.startsWith('0x') || input.startsWith('0X'))) {
    input = input.slice(2), (radix = 16);
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1), (radix = 8);
  }
  if (input === '') return 0;
  const digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!digits.test(input)) return null;
  return parseInt(input, radix);
}

// The address as one number, or null: "1.2.3.4", "0x7f.1", "2130706433" all parse.
function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop();
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - numbers.length)) return null;
  let address = last;
  numbers.forEach((n, i) => (address += n * 256 ** (3 - i)));
  return address;
}
//< node.url-ipv4

function serializeIPv4(address) {
  const out = [];
  for (let i = 0; i < 4; i++) out.unshift(address % 256), (address = Math.floor(address / 256));
  return out.join('.');
}

// IPv6 parser: eight 16-bit pieces, or null.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  const at = (i) => (i < cps.length ? cps[i] : EOF);
  let piece = 0, compress = null, p = 0;
  if (at(0) === 0x3a) {
    if (at(1) !== 0x3a) return null;
    p += 2, (compress = ++piece);
  }
  while (at(p) !== EOF) {
    if (piece === 8) return null;
    if (at(p) === 0x3a) {
      if (compress !== null) return null;
      p++, (compress = ++piece);
      continue;
    }
    let value = 0, length = 0;
    while (length < 4 && hexValue(at(p)) >= 0) value = value * 16 + hexValue(at(p)), p++, length++;
    if (at(p) === 0x2e) {
      if (length === 0) return null;
      p -= length;
      if (piece > 6) return null;
      const end = parseIPv4InIPv6(at, p, address, piece);
      if (end < 0) return null;
      piece += 2, (p = end);
      break;
    }
    if (at(p) === 0x3a) {
      p++;
      if (at(p) === EOF) return null;
    } else if (at(p) !== EOF) return null;
    address[piece++] = value;
  }
  if (compress !== null) {
    let swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      const t = address[piece];
      address[piece] = address[compress + swaps - 1];
      address[compress + swaps - 1] = t;
      piece--, swaps--;
    }
  } else if (piece !== 8) return null;
  return address;
}

// The dotted IPv4 tail of an IPv6 address into two pieces; where it ends, or -1.
function parseIPv4InIPv6(at, p, address, piece) {
  let seen = 0;
  while (at(p) !== EOF) {
    let value = null;
    if (seen > 0) {
      if (at(p) === 0x2e && seen < 4) p++;
      else return -1;
    }
    if (!(at(p) >= 0x30 && at(p) <= 0x39)) return -1;
    while (at(p) >= 0x30 && at(p) <= 0x39) {
      const n = at(p) - 0x30;
      if (value === null) value = n;
      else if (value === 0) return -1;
      else value = value * 10 + n;
      if (value > 255) return -1;
      p++;
    }
    address[piece] = address[piece] * 256 + value;
    seen++;
    if (seen === 2 || seen === 4) piece++;
  }
  return seen === 4 ? p : -1;
}

// Lower-case hexadecimal pieces, the first longest run of two or more zeros as "::".
function serializeIPv6(address) {
  let best = -1, bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) (best = i), (bestLength = j - i);
    i = j === i ? i + 1 : j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      out += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    out += address[i].toString(16) + (i < 7 ? ':' : '');
  }
  return out;
}

// ==== The state machine ====

const S = {
  SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4,
  PATH_OR_AUTHORITY: 5, RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8,
  SPECIAL_AUTHORITY_IGNORE_SLASHES: 9, AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13,
  FILE: 14, FILE_SLASH: 15, FILE_HOST: 16, PATH_START: 17, PATH: 18, OPAQUE_PATH: 19,
  QUERY: 20, FRAGMENT: 21,
};

const isAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const lower = (c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

const newRecord = () => ({
  scheme: '', username: '', password: '', host: null, port: null, path: [], opaque: false,
  query: null, fragment: null,
});

const isWindowsDriveLetter = (s) => s.length === 2 && isAlpha(s.charCodeAt(0)) && (s[1] === ':' || s[1] === '|');
const isNormalizedDriveLetter = (s) => isWindowsDriveLetter(s) && s[1] === ':';
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => {
  s = s.toLowerCase();
  return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e';
};

// The code points from p on start with a drive letter ("C:", "c|/...").
function startsWithDriveLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAlpha(cps[p]) || (cps[p + 1] !== 0x3a && cps[p + 1] !== 0x7c)) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isNormalizedDriveLetter(path[0])) return;
  path.pop();
}

const includesCredentials = (url) => url.username !== '' || url.password !== '';

// The input as the parser reads it: no C0 control or space at either end, no tab or
// newline anywhere, lone surrogates as U+FFFD; as code points.
function codePoints(input) {
  const s = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return Array.from(s, (ch) => ch.codePointAt(0));
}

// basic URL parser: the record, or null. With url and override, the setter's form:
// url is changed in place and the result is url, or null when the value was refused.
function parse(input, base, url, override) {
  const cps = override ? Array.from(input.replace(/[\t\n\r]/g, ''), (ch) => ch.codePointAt(0)) : codePoints(input);
  const m = {
    cps, p: 0, url: url || newRecord(), base: base || null, override: override || 0,
    state: override || S.SCHEME_START, buffer: '', atSign: false, brackets: false, password: false,
  };
  for (; ; m.p++) {
    const c = m.p < cps.length ? cps[m.p] : EOF;
    const r = STATES[m.state](m, c);
    if (r === FAILURE) return null;
    if (r === DONE) return m.url;
    if (m.p >= cps.length) return m.url;
  }
}

const FAILURE = 1, DONE = 2;
const special = (m) => isSpecialScheme(m.url.scheme);
const remainingStartsWith = (m, s) => String.fromCodePoint(...m.cps.slice(m.p + 1, m.p + 1 + s.length)) === s;

const STATES = [];

STATES[S.SCHEME_START] = (m, c) => {
  if (isAlpha(c)) (m.buffer += String.fromCharCode(lower(c))), (m.state = S.SCHEME);
  else if (!m.override) (m.state = S.NO_SCHEME), m.p--;
  else return FAILURE;
};

STATES[S.SCHEME] = (m, c) => {
  if (isAlpha(c) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
    m.buffer += String.fromCharCode(lower(c));
    return;
  }
  if (c !== 0x3a) {
    if (m.override) return FAILURE;
    (m.buffer = ''), (m.state = S.NO_SCHEME), (m.p = -1);
    return;
  }
  const url = m.url;
  if (m.override) {
    if (isSpecialScheme(url.scheme) !== isSpecialScheme(m.buffer)) return DONE;
    if ((includesCredentials(url) || url.port !== null) && m.buffer === 'file') return DONE;
    if (url.scheme === 'file' && url.host === '') return DONE;
  }
  url.scheme = m.buffer;
  if (m.override) {
    if (url.port === defaultPort(url.scheme)) url.port = null;
    return DONE;
  }
  m.buffer = '';
  if (url.scheme === 'file') m.state = S.FILE;
  else if (special(m) && m.base && m.base.scheme === url.scheme) m.state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
  else if (special(m)) m.state = S.SPECIAL_AUTHORITY_SLASHES;
  else if (remainingStartsWith(m, '/')) (m.state = S.PATH_OR_AUTHORITY), m.p++;
  else (url.path = ''), (url.opaque = true), (m.state = S.OPAQUE_PATH);
};

STATES[S.NO_SCHEME] = (m, c) => {
  const base = m.base, url = m.url;
  if (!base || (base.opaque && c !== 0x23)) return FAILURE;
  if (base.opaque && c === 0x23) {
    url.scheme = base.scheme, url.path = base.path, url.opaque = true;
    url.query = base.query, url.fragment = '', m.state = S.FRAGMENT;
  } else if (base.scheme !== 'file') (m.state = S.RELATIVE), m.p--;
  else (m.state = S.FILE), m.p--;
};

STATES[S.SPECIAL_RELATIVE_OR_AUTHORITY] = (m, c) => {
  if (c === 0x2f && remainingStartsWith(m, '/')) (m.state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES), m.p++;
  else (m.state = S.RELATIVE), m.p--;
};

STATES[S.PATH_OR_AUTHORITY] = (m, c) => {
  if (c === 0x2f) m.state = S.AUTHORITY;
  else (m.state = S.PATH), m.p--;
};

function copyAuthority(url, base) {
  url.username = base.username, url.password = base.password;
  url.host = base.host, url.port = base.port;
}

STATES[S.RELATIVE] = (m, c) => {
  const url = m.url, base = m.base;
  url.scheme = base.scheme;
  if (c === 0x2f || (special(m) && c === 0x5c)) {
    m.state = S.RELATIVE_SLASH;
    return;
  }
  copyAuthority(url, base);
  url.path = base.path.slice(), (url.query = base.query);
  if (c === 0x3f) (url.query = ''), (m.state = S.QUERY);
  else if (c === 0x23) (url.fragment = ''), (m.state = S.FRAGMENT);
  else if (c !== EOF) (url.query = null), shortenPath(url), (m.state = S.PATH), m.p--;
};

STATES[S.RELATIVE_SLASH] = (m, c) => {
  if (special(m) && (c === 0x2f || c === 0x5c)) m.state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
  else if (c === 0x2f) m.state = S.AUTHORITY;
  else copyAuthority(m.url, m.base), (m.state = S.PATH), m.p--;
};

STATES[S.SPECIAL_AUTHORITY_SLASHES] = (m, c) => {
  m.state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
  if (c === 0x2f && remainingStartsWith(m, '/')) m.p++;
  else m.p--;
};

STATES[S.SPECIAL_AUTHORITY_IGNORE_SLASHES] = (m, c) => {
  if (c !== 0x2f && c !== 0x5c) (m.state = S.AUTHORITY), m.p--;
};

// Credentials are what comes before the last "@" of the authority.
STATES[S.AUTHORITY] = (m, c) => {
  if (c === 0x40) {
    if (m.atSign) m.buffer = '%40' + m.buffer;
    m.atSign = true;
    for (const ch of m.buffer) {
      if (ch === ':' && !m.password) {
        m.password = true;
        continue;
      }
      const encoded = encodeCodePoint(ch.codePointAt(0), inUserinfo);
      if (m.password) m.url.password += encoded;
      else m.url.username += encoded;
    }
    m.buffer = '';
  } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (special(m) && c === 0x5c)) {
    if (m.atSign && m.buffer === '') return FAILURE;
    m.p -= Array.from(m.buffer).length + 1;
    (m.buffer = ''), (m.state = S.HOST);
  } else m.buffer += String.fromCodePoint(c);
};

STATES[S.HOST] = STATES[S.HOSTNAME] = (m, c) => {
  const url = m.url;
  if (m.override && url.scheme === 'file') {
    m.p--, (m.state = S.FILE_HOST);
  } else if (c === 0x3a && !m.brackets) {
    if (m.buffer === '') return FAILURE;
    if (m.override === S.HOSTNAME) return DONE;
    const host = parseHost(m.buffer, !special(m));
    if (host === null) return FAILURE;
    (url.host = host), (m.buffer = ''), (m.state = S.PORT);
  } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (special(m) && c === 0x5c)) {
    m.p--;
    if (special(m) && m.buffer === '') return FAILURE;
    if (m.override && m.buffer === '' && (includesCredentials(url) || url.port !== null)) return DONE;
    const host = parseHost(m.buffer, !special(m));
    if (host === null) return FAILURE;
    (url.host = host), (m.buffer = ''), (m.state = S.PATH_START);
    if (m.override) return DONE;
  } else {
    if (c === 0x5b) m.brackets = true;
    if (c === 0x5d) m.brackets = false;
    m.buffer += String.fromCodePoint(c);
  }
};

STATES[S.PORT] = (m, c) => {
  if (isDigit(c)) {
    m.buffer += String.fromCharCode(c);
  } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (special(m) && c === 0x5c) || m.override) {
    if (m.buffer !== '') {
      const port = parseInt(m.buffer, 10);
      if (port > 65535) return FAILURE;
      m.url.port = port === defaultPort(m.url.scheme) ? null : port;
      m.buffer = '';
    }
    if (m.override) return DONE;
    (m.state = S.PATH_START), m.p--;
  } else return FAILURE;
};

STATES[S.FILE] = (m, c) => {
  const url = m.url, base = m.base;
  (url.scheme = 'file'), (url.host = '');
  if (c === 0x2f || c === 0x5c) {
    m.state = S.FILE_SLASH;
  } else if (base && base.scheme === 'file') {
    (url.host = base.host), (url.path = base.path.slice()), (url.query = base.query);
    if (c === 0x3f) (url.query = ''), (m.state = S.QUERY);
    else if (c === 0x23) (url.fragment = ''), (m.state = S.FRAGMENT);
    else if (c !== EOF) {
      url.query = null;
      if (!startsWithDriveLetter(m.cps, m.p)) shortenPath(url);
      else url.path = [];
      (m.state = S.PATH), m.p--;
    }
  } else (m.state = S.PATH), m.p--;
};

STATES[S.FILE_SLASH] = (m, c) => {
  if (c === 0x2f || c === 0x5c) {
    m.state = S.FILE_HOST;
    return;
  }
  const base = m.base;
  if (base && base.scheme === 'file') {
    m.url.host = base.host;
    if (!startsWithDriveLetter(m.cps, m.p) && base.path.length > 0 && isNormalizedDriveLetter(base.path[0]))
      m.url.path.push(base.path[0]);
  }
  (m.state = S.PATH), m.p--;
};

STATES[S.FILE_HOST] = (m, c) => {
  if (!(c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23)) {
    m.buffer += String.fromCodePoint(c);
    return;
  }
  m.p--;
  if (!m.override && isWindowsDriveLetter(m.buffer)) {
    m.state = S.PATH;
  } else if (m.buffer === '') {
    m.url.host = '';
    if (m.override) return DONE;
    m.state = S.PATH_START;
  } else {
    let host = parseHost(m.buffer, !special(m));
    if (host === null) return FAILURE;
    if (host === 'localhost') host = '';
    m.url.host = host;
    if (m.override) return DONE;
    (m.buffer = ''), (m.state = S.PATH_START);
  }
};

STATES[S.PATH_START] = (m, c) => {
  const url = m.url;
  if (special(m)) {
    m.state = S.PATH;
    if (c !== 0x2f && c !== 0x5c) m.p--;
  } else if (!m.override && c === 0x3f) (url.query = ''), (m.state = S.QUERY);
  else if (!m.override && c === 0x23) (url.fragment = ''), (m.state = S.FRAGMENT);
  else if (c !== EOF) {
    m.state = S.PATH;
    if (c !== 0x2f) m.p--;
  } else if (m.override && url.host === null) url.path.push('');
};

// A segment ends at "/" (or "\" in a special URL); "." and ".." are resolved as they end.
STATES[S.PATH] = (m, c) => {
  const url = m.url;
  const slash = c === 0x2f || (special(m) && c === 0x5c);
  if (!(c === EOF || slash || (!m.override && (c === 0x3f || c === 0x23)))) {
    m.buffer += encodeCodePoint(c, inPath);
    return;
  }
  if (isDoubleDot(m.buffer)) {
    shortenPath(url);
    if (!slash) url.path.push('');
  } else if (isSingleDot(m.buffer) && !slash) {
    url.path.push('');
  } else if (!isSingleDot(m.buffer)) {
    if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(m.buffer))
      m.buffer = m.buffer[0] + ':';
    url.path.push(m.buffer);
  }
  m.buffer = '';
  if (c === 0x3f) (url.query = ''), (m.state = S.QUERY);
  if (c === 0x23) (url.fragment = ''), (m.state = S.FRAGMENT);
};

STATES[S.OPAQUE_PATH] = (m, c) => {
  if (c === 0x3f) (m.url.query = ''), (m.state = S.QUERY);
  else if (c === 0x23) (m.url.fragment = ''), (m.state = S.FRAGMENT);
  else if (c !== EOF) m.url.path += encodeCodePoint(c, inC0);
};

STATES[S.QUERY] = (m, c) => {
  if ((!m.override && c === 0x23) || c === EOF) {
    if (c === 0x23) (m.url.fragment = ''), (m.state = S.FRAGMENT);
  } else m.url.query += encodeCodePoint(c, special(m) ? inSpecialQuery : inQuery);
};

STATES[S.FRAGMENT] = (m, c) => {
  if (c !== EOF) m.url.fragment += encodeCodePoint(c, inFragment);
};

// ==== Serializing ====

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  for (const segment of url.path) out += '/' + segment;
  return out;
}

// URL serializer: the href.
function serialize(url, excludeFragment) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') out += '/.';
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

// The origin's serialization: "https://example.com:8080", or "null" for an opaque origin.
function serializeOrigin(url) {
  if (url.scheme === 'blob') {
    const inner = parse(serializePath(url));
    if (inner && (inner.scheme === 'http' || inner.scheme === 'https')) return serializeOrigin(inner);
    return 'null';
  }
  if (!isSpecialScheme(url.scheme) || url.scheme === 'file') return 'null';
  return `${url.scheme}://${url.host}${url.port === null ? '' : ':' + url.port}`;
}

module.exports = {
  S, parse, serialize, serializePath, serializeOrigin, parseHost, isSpecialScheme, defaultPort,
  includesCredentials, percentEncode, percentDecode, percentDecodeBytes, decodeUtf8, utf8,
  inC0, inFragment, inQuery, inSpecialQuery, inPath, inUserinfo, inComponent, inForm,
};
