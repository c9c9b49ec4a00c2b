'use strict';
// internal/fetch/headers: the global Headers, as node 20's undici has it. Book: chapter
// 12, "Networking" ("fetch").
//
// A Headers is a map from lower-cased name to { name, value }: the name as first given
// (which is how node prints it) and the values given for it joined with ", ". Set-Cookie
// is the exception the standard makes: its values are also kept one by one, for
// getSetCookie() and for iteration, which goes in the order of the sorted lower-cased
// names. A guard says who may change it: the headers of a response from fetch, or of
// Response.error(), are "immutable".

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const { isHttpToken } = require('internal/http/common');

const normalize = (value) => String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

function checkName(method, name) {
  if (!isHttpToken(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
}

function check(method, name, value) {
  checkName(method, name);
  if (/[\0\r\n]/.test(value)) throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const HeadersIteratorPrototype = {
  __proto__: IteratorPrototype,
  next() { return this._list.length ? { value: this._kind(this._list.shift()), done: false } : { value: undefined, done: true }; },
};
Object.defineProperty(HeadersIteratorPrototype, Symbol.toStringTag, { value: 'Headers Iterator', configurable: true });
Object.defineProperty(HeadersIteratorPrototype, 'next', { enumerable: false });

class Headers {
  #map = new Map();
  #cookies = [];
  #guard = 'none';

  constructor(init = undefined) {
    if (init === undefined) return;
    if (init === null || (typeof init !== 'object' && typeof init !== 'function'))
      throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2) throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${p.length}.`);
        this.append(p[0], p[1]);
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const d = Reflect.getOwnPropertyDescriptor(init, key);
      if (d && d.enumerable) this.append(key, init[key]);
    }
  }

  static guard(h, guard) { h.#guard = guard; }
  static list(h) { return h.#map; }

  append(name, value) {
    name = String(name), value = normalize(value);
    check('append', name, value);
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    const key = name.toLowerCase();
    const old = this.#map.get(key);
    this.#map.set(key, old ? { name: old.name, value: `${old.value}, ${value}` } : { name, value });
    if (key === 'set-cookie') this.#cookies.push(value);
  }
  set(name, value) {
    name = String(name), value = normalize(value);
    check('set', name, value);
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    const key = name.toLowerCase();
    this.#map.set(key, { name, value });
    if (key === 'set-cookie') this.#cookies = [value];
  }
  delete(name) {
    name = String(name);
    checkName('delete', name);
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    const key = name.toLowerCase();
    this.#map.delete(key);
    if (key === 'set-cookie') this.#cookies = [];
  }
  get(name) {
    name = String(name);
    checkName('get', name);
    const found = this.#map.get(name.toLowerCase());
    return found ? found.value : null;
  }
  has(name) {
    name = String(name);
    checkName('has', name);
    return this.#map.has(name.toLowerCase());
  }
  getSetCookie() { return this.#cookies.slice(); }

  // The sorted list the standard iterates: names lower-cased, Set-Cookie split.
  #sorted() {
    const out = [];
    for (const key of [...this.#map.keys()].sort()) {
      if (key === 'set-cookie') for (const c of this.#cookies) out.push([key, c]);
      else out.push([key, this.#map.get(key).value]);
    }
    return out;
  }
  #iterator(kind) {
    const it = Object.create(HeadersIteratorPrototype);
    Object.defineProperty(it, '_list', { value: this.#sorted() });
    Object.defineProperty(it, '_kind', { value: kind });
    return it;
  }
  entries() { return this.#iterator((p) => p); }
  keys() { return this.#iterator((p) => p[0]); }
  values() { return this.#iterator((p) => p[1]); }
  forEach(callback, thisArg) {
    if (typeof callback !== 'function')
      throw new TypeError("Headers.forEach: Argument 1 could not be converted to: Function.");
    for (const [k, v] of this.#sorted()) callback.call(thisArg, v, k, this);
  }

  [customInspect](depth, options, inspect) {
    const fields = { __proto__: { constructor: Headers } };
    for (const { name, value } of this.#map.values()) fields[name] = value;
    return `Headers ${inspect(fields, options)}`;
  }
}
Object.defineProperty(Headers.prototype, Symbol.iterator, { value: Headers.prototype.entries, writable: true, configurable: true });
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

// A copy in the same order (the constructor would copy in iteration order), mutable.
function copyHeaders(h) {
  const copy = new Headers();
  for (const { name, value } of headersMap(h).values()) {
    if (name.toLowerCase() === 'set-cookie') for (const c of h.getSetCookie()) copy.append(name, c);
    else copy.append(name, value);
  }
  return copy;
}

const setGuard = Headers.guard;
const headersMap = Headers.list;
delete Headers.guard;
delete Headers.list;

module.exports = { Headers, setGuard, headersMap, copyHeaders };
