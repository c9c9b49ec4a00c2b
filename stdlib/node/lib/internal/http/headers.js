'use strict';
// internal/http/headers: the header methods node's OutgoingMessage gives both
// ServerResponse and ClientRequest. A message keeps the headers it will send in a Map
// by lower-case name, as [name as given, value as given], so getHeader returns a
// number or an array just as it was set. Book: chapter 12, "Networking".

const errors = require('internal/errors');
const { isHttpToken } = require('internal/http/common');

const kOutHeaders = Symbol('kOutHeaders');
const badValueRe = /[^\t\x20-\x7e\x80-\xff]/;

// node's validateHeaderName and validateHeaderValue, as setHeader calls them.
function validateHeader(name, value) {
  if (typeof name !== 'string' || !name || !isHttpToken(name)) {
    throw errors.makeError(1, 'ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name}"]`);
  }
  if (value === undefined) {
    throw errors.makeError(1, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  for (const v of Array.isArray(value) ? value : [value]) {
    if (badValueRe.test(String(v))) {
      throw errors.makeError(1, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
    }
  }
}

function headersSentError(what) {
  return errors.makeError(0, 'ERR_HTTP_HEADERS_SENT', `Cannot ${what} headers after they are sent to the client`);
}

function validateName(name) {
  if (typeof name !== 'string') throw errors.argType('name', 'of type string', name);
}

const none = new Map(); // what a message without headers reads (never written)

// The message's Map (made on first use), or an empty one to read.
function outHeaders(msg, make) {
  let headers = msg[kOutHeaders];
  if (!headers && make) {
    headers = new Map();
    Object.defineProperty(msg, kOutHeaders, { value: headers, writable: true, configurable: true });
  }
  return headers || none;
}

const nowhere = { set() {}, remove() {} };

// Puts the header methods on proto. `wire` tells the side that writes the head (the
// server's C) what changed: wire.set(msg, name, value) and wire.remove(msg, name).
function installHeaderMethods(proto, wire = nowhere) {
  proto.setHeader = function setHeader(name, value) {
    if (this.headersSent) throw headersSentError('set');
    validateHeader(name, value);
    wire.set(this, name, value);
    outHeaders(this, true).set(name.toLowerCase(), [name, value]);
    return this;
  };
  proto.appendHeader = function appendHeader(name, value) {
    if (this.headersSent) throw headersSentError('append');
    validateHeader(name, value);
    const headers = outHeaders(this, true);
    const key = name.toLowerCase(), old = headers.get(key);
    const entry = old ? [old[0], [].concat(old[1], value)] : [name, value];
    wire.set(this, entry[0], entry[1]);
    headers.set(key, entry);
    return this;
  };
  // setHeaders(headers): a Headers or a Map; its set-cookie values become one array.
  proto.setHeaders = function setHeaders(headers) {
    if (this.headersSent) throw headersSentError('set');
    if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
        typeof headers.get !== 'function') {
      throw errors.argType('headers', 'an instance of Headers or Map', headers);
    }
    const cookies = [];
    for (const [key, value] of headers) {
      if (key === 'set-cookie') cookies.push(...[].concat(value));
      else this.setHeader(key, value);
    }
    if (cookies.length) this.setHeader('set-cookie', cookies);
    return this;
  };
  proto.getHeader = function getHeader(name) {
    validateName(name);
    const entry = outHeaders(this, false).get(name.toLowerCase());
    return entry && entry[1];
  };
  proto.hasHeader = function hasHeader(name) {
    validateName(name);
    return outHeaders(this, false).has(name.toLowerCase());
  };
  proto.removeHeader = function removeHeader(name) {
    validateName(name);
    if (this.headersSent) throw headersSentError('remove');
    wire.remove(this, name);
    outHeaders(this, false).delete(name.toLowerCase());
  };
  proto.getHeaders = function getHeaders() {
    const out = { __proto__: null };
    for (const [key, [, value]] of outHeaders(this, false)) out[key] = value;
    return out;
  };
  proto.getHeaderNames = function getHeaderNames() {
    return [...outHeaders(this, false).keys()];
  };
  proto.getRawHeaderNames = function getRawHeaderNames() {
    return [...outHeaders(this, false).values()].map((e) => e[0]);
  };
}

module.exports = { installHeaderMethods, outHeaders };
