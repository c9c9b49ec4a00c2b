'use strict';
// internal/mime: util.MIMEType and util.MIMEParams, the WHATWG MIME Sniffing standard's
// "parse a MIME type" and "serialize a MIME type" as node 20 exposes them. Loaded on the
// first read of util.MIMEType or util.MIMEParams (lib/internal/util/legacy.js).
// Book: chapter 10, "Console and inspect" (util's other helpers).
//
// A MIME type is type "/" subtype, then parameters ";name=value". Types, subtypes and
// parameter names are HTTP tokens, kept in lower case; values are tokens or quoted
// strings. Parsing forgives a bad parameter (it is dropped) but not a bad type or subtype.

const { makeError } = require('internal/errors');
const { isHttpToken, firstNonToken } = require('internal/http/common');

const QUOTED_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/; // what a quoted string may hold
const NOT_QUOTED_CHAR = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const WHITESPACE = '\t\n\r ';

// ERR_INVALID_MIME_SYNTAX: what (a type, a subtype, a parameter name or value) in text,
// with the index of the first character that may not be there when there is one.
function syntaxError(what, text, at) {
  const where = at === -1 ? '' : ` at ${at}`;
  return makeError(1, 'ERR_INVALID_MIME_SYNTAX', `The MIME syntax for a ${what} in "${text}" is invalid${where}`);
}

// A type or subtype: a non-empty token, lower-cased; else the error, naming the
// first character that is not a token character (none for an empty one).
function checkToken(what, value, text) {
  if (isHttpToken(value)) return value.toLowerCase();
  throw syntaxError(what, text, firstNonToken(value));
}

function trimEnd(s) {
  let end = s.length;
  while (end > 0 && WHITESPACE.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

// "collect an HTTP quoted string" from s at i (s[i] is the opening quote), extracting
// the value: backslashes escape the next character; an unterminated string ends at the
// end of s. Returns [value, index after it].
function quotedString(s, i) {
  let value = '';
  for (i++; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return [value, i + 1];
    if (c === '\\') {
      if (i + 1 === s.length) return [value + '\\', s.length];
      value += s[++i];
    } else {
      value += c;
    }
  }
  return [value, i];
}

// The parameters after the subtype (s starts at a ';'), into params: a name may not be
// repeated (the first wins), and a parameter that is not well formed is skipped.
function parseParameters(s, params) {
  let i = 0;
  while (i < s.length) {
    i++; // the ';'
    while (i < s.length && WHITESPACE.includes(s[i])) i++;
    let end = i;
    while (end < s.length && s[end] !== ';' && s[end] !== '=') end++;
    const name = s.slice(i, end).toLowerCase();
    i = end;
    if (i < s.length && s[i] === ';') continue;
    i++; // the '='
    if (i >= s.length) break;
    let value;
    if (s[i] === '"') {
      [value, i] = quotedString(s, i);
      while (i < s.length && s[i] !== ';') i++;
    } else {
      end = s.indexOf(';', i);
      if (end === -1) end = s.length;
      value = trimEnd(s.slice(i, end));
      i = end;
      if (value === '') continue;
    }
    if (isHttpToken(name) && QUOTED_VALUE.test(value) && !params.has(name)) {
      params.set(name, value);
    }
  }
}

// A value as it is written back: a token as it is, anything else quoted.
function serializeValue(value) {
  if (isHttpToken(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const data = this.#data;
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    if (!isHttpToken(name)) throw syntaxError('parameter name', name, firstNonToken(name));
    if (!QUOTED_VALUE.test(value)) throw syntaxError('parameter value', value, value.search(NOT_QUOTED_CHAR));
    this.#data.set(name, value);
  }

  *entries() {
    yield* this.#data.entries();
  }

  *keys() {
    yield* this.#data.keys();
  }

  *values() {
    yield* this.#data.values();
  }

  toString() {
    let out = '';
    for (const [name, value] of this.#data) out += `${out ? ';' : ''}${name}=${serializeValue(value)}`;
    return out;
  }

  toJSON() {
    return this.toString();
  }
}
Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  value: MIMEParams.prototype.entries, writable: true, configurable: true,
});

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(string) {
    const text = `${string}`;
    let start = 0;
    while (start < text.length && WHITESPACE.includes(text[start])) start++;
    const s = trimEnd(text.slice(start));
    const slash = s.indexOf('/');
    const type = slash === -1 ? s : s.slice(0, slash);
    if (slash === -1 || type === '') throw syntaxError('type', text, slash === -1 ? firstNonToken(type) : -1);
    this.#type = checkToken('type', type, text);
    let semicolon = s.indexOf(';', slash + 1);
    if (semicolon === -1) semicolon = s.length;
    this.#subtype = checkToken('subtype', trimEnd(s.slice(slash + 1, semicolon)), text);
    parseParameters(s.slice(semicolon), this.#params);
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    value = `${value}`;
    this.#type = checkToken('type', value, value);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    value = `${value}`;
    this.#subtype = checkToken('subtype', value, value);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const essence = `${this.#type}/${this.#subtype}`;
    const params = this.#params.toString();
    return params ? `${essence};${params}` : essence;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEType, MIMEParams };
