'use strict';
// internal/url: the URL and URLSearchParams classes (the lazy globals, and require('url')'s
// URL and URLSearchParams). Book: chapter 11, "Files" ("URLs").
//
// A URL holds a URL record (internal/url/parser) in a private field; its getters
// serialize a part of the record and its setters run the parser with a state override.
// A URL's searchParams is made on first use and bound to it both ways: changing the
// params rewrites the URL's query, setting search or href refills the params' list.

const parser = require('internal/url/parser');
const { S } = parser;
const { codes, argType, makeError } = require('internal/errors');
const { domainToASCII, domainToUnicode } = require('internal/url/idna');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const usv = (v) => `${v}`.toWellFormed();

// Node's URL errors are plain TypeErrors (made in C++) given a code afterwards.
function invalidUrl(input, base) {
  const e = new TypeError('Invalid URL');
  Error.captureStackTrace(e, invalidUrl);
  e.code = 'ERR_INVALID_URL';
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

function badReceiver(name) {
  return new TypeError(`Receiver must be an instance of class ${name}`);
}

// Shared between the two classes: set in URLSearchParams' static block.
let paramsBind, paramsRefill;

// ==== URL ====

class URL {
  #r;
  #params = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    input = usv(input);
    let baseRecord = null;
    if (base !== undefined) {
      base = usv(base);
      baseRecord = parser.parse(base);
      if (!baseRecord) throw invalidUrl(input, base);
    }
    const r = parser.parse(input, baseRecord);
    if (!r) throw invalidUrl(input, base);
    this.#r = r;
  }

  static #check(u) {
    if (u === null || typeof u !== 'object' || !(#r in u)) throw badReceiver('URL');
    return u.#r;
  }

  // The params' list follows the record's query.
  #queryChanged() {
    if (this.#params) paramsRefill(this.#params, this.#r.query || '');
  }

  // Called by the bound params: their serialization becomes the query.
  static #setQuery(u, query) {
    u.#r.query = query === '' ? null : query;
    if (query === '') stripOpaqueTrailingSpaces(u.#r);
  }

  toString() {
    return parser.serialize(URL.#check(this));
  }

  get href() {
    return parser.serialize(URL.#check(this));
  }

  set href(value) {
    URL.#check(this);
    value = usv(value);
    const r = parser.parse(value);
    if (!r) throw invalidUrl(value);
    this.#r = r;
    this.#queryChanged();
  }

  get origin() {
    return parser.serializeOrigin(URL.#check(this));
  }

  get protocol() {
    return URL.#check(this).scheme + ':';
  }

  set protocol(value) {
    parser.parse(usv(value) + ':', null, URL.#check(this), S.SCHEME_START);
  }

  get username() {
    return URL.#check(this).username;
  }

  set username(value) {
    const r = URL.#check(this);
    if (cannotHaveCredentials(r)) return;
    r.username = parser.percentEncode(usv(value), parser.inUserinfo);
  }

  get password() {
    return URL.#check(this).password;
  }

  set password(value) {
    const r = URL.#check(this);
    if (cannotHaveCredentials(r)) return;
    r.password = parser.percentEncode(usv(value), parser.inUserinfo);
  }

  get host() {
    const r = URL.#check(this);
    if (r.host === null) return '';
    return r.port === null ? r.host : `${r.host}:${r.port}`;
  }

  set host(value) {
    const r = URL.#check(this);
    if (!r.opaque) parser.parse(usv(value), null, r, S.HOST);
  }

  get hostname() {
    const r = URL.#check(this);
    return r.host === null ? '' : r.host;
  }

  set hostname(value) {
    const r = URL.#check(this);
    if (!r.opaque) parser.parse(usv(value), null, r, S.HOSTNAME);
  }

  get port() {
    const r = URL.#check(this);
    return r.port === null ? '' : String(r.port);
  }

  set port(value) {
    const r = URL.#check(this);
    if (cannotHaveCredentials(r)) return;
    value = usv(value);
    if (value === '') r.port = null;
    else parser.parse(value, null, r, S.PORT);
  }

  get pathname() {
    return parser.serializePath(URL.#check(this));
  }

  set pathname(value) {
    const r = URL.#check(this);
    if (r.opaque) return;
    const copy = { ...r, path: [] };
    if (parser.parse(usv(value), null, copy, S.PATH_START)) r.path = copy.path;
  }

  get search() {
    const q = URL.#check(this).query;
    return q === null || q === '' ? '' : '?' + q;
  }

  set search(value) {
    const r = URL.#check(this);
    value = usv(value);
    if (value === '') {
      r.query = null;
      stripOpaqueTrailingSpaces(r);
    } else {
      r.query = '';
      parser.parse(value[0] === '?' ? value.slice(1) : value, null, r, S.QUERY);
    }
    this.#queryChanged();
  }

  get searchParams() {
    URL.#check(this);
    if (this.#params === null) {
      this.#params = new URLSearchParams(this.#r.query || '');
      paramsBind(this.#params, this, URL.#setQuery);
    }
    return this.#params;
  }

  get hash() {
    const f = URL.#check(this).fragment;
    return f === null || f === '' ? '' : '#' + f;
  }

  set hash(value) {
    const r = URL.#check(this);
    value = usv(value);
    if (value === '') {
      r.fragment = null;
      stripOpaqueTrailingSpaces(r);
      return;
    }
    r.fragment = '';
    parser.parse(value[0] === '#' ? value.slice(1) : value, null, r, S.FRAGMENT);
  }

  toJSON() {
    return parser.serialize(URL.#check(this));
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    input = usv(input);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = parser.parse(usv(base));
      if (!baseRecord) return false;
    }
    return parser.parse(input, baseRecord) !== null;
  }

  static createObjectURL(obj) {
    throw argType('obj', 'an instance of Blob', obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
  }

  // URL { href: ..., origin: ..., ... }, as node prints it.
  [customInspect](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = this.constructor;
    const fields = { __proto__: { constructor: ctor } };
    for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
      'port', 'pathname', 'search', 'searchParams', 'hash'])
      fields[key] = this[key];
    return `${ctor.name} ${inspect(fields, options)}`;
  }
}

const cannotHaveCredentials = (r) => r.host === null || r.host === '' || r.scheme === 'file';

// An opaque path loses its trailing spaces once no query or fragment follows it.
function stripOpaqueTrailingSpaces(r) {
  if (!r.opaque || r.fragment !== null || r.query !== null) return;
  r.path = r.path.replace(/ +$/, '');
}

// ==== URLSearchParams ====

// application/x-www-form-urlencoded parser: [name, value] pairs.
function parseForm(input) {
  const list = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq < 0 ? sequence : sequence.slice(0, eq);
    const value = eq < 0 ? '' : sequence.slice(eq + 1);
    list.push([formDecode(name), formDecode(value)]);
  }
  return list;
}

const formDecode = (s) => parser.percentDecode(s.replace(/\+/g, ' '));

function formEncode(s) {
  let out = '';
  for (const ch of s) {
    if (ch === ' ') out += '+';
    else out += parser.percentEncode(ch, parser.inForm);
  }
  return out;
}

const serializeForm = (list) => list.map(([n, v]) => `${formEncode(n)}=${formEncode(v)}`).join('&');

class URLSearchParams {
  #list = [];
  #url = null;
  #setQuery = null;

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method !== undefined) {
        if (typeof method !== 'function') throw makeError(1, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        this.#fromPairs(init);
      } else this.#fromRecord(init);
      return;
    }
    init = usv(init);
    this.#list = parseForm(init[0] === '?' ? init.slice(1) : init);
  }

  #fromPairs(init) {
    for (const pair of init) {
      const tupleError = () => makeError(1, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
      if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
          typeof pair[Symbol.iterator] !== 'function')
        throw tupleError();
      const items = Array.from(pair);
      if (items.length !== 2) throw tupleError();
      this.#list.push([usv(items[0]), usv(items[1])]);
    }
  }

  #fromRecord(init) {
    for (const key of Reflect.ownKeys(init)) {
      const d = Reflect.getOwnPropertyDescriptor(init, key);
      if (d === undefined || !d.enumerable) continue;
      const name = usv(key), value = usv(init[key]);
      const at = this.#list.findIndex((p) => p[0] === name);
      if (at >= 0) this.#list[at][1] = value;
      else this.#list.push([name, value]);
    }
  }

  static {
    paramsBind = (params, url, setQuery) => {
      params.#url = url;
      params.#setQuery = setQuery;
    };
    paramsRefill = (params, query) => {
      params.#list = parseForm(query);
    };
  }

  static #check(p) {
    if (p === null || typeof p !== 'object' || !(#list in p))
      throw codes.ERR_INVALID_THIS('URLSearchParams');
    return p.#list;
  }

  // The update steps: a bound URL's query follows the list.
  #update() {
    if (this.#url !== null) this.#setQuery(this.#url, serializeForm(this.#list));
  }

  get size() {
    return URLSearchParams.#check(this).length;
  }

  append(name, value) {
    const list = URLSearchParams.#check(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('name', 'value');
    list.push([usv(name), usv(value)]);
    this.#update();
  }

  delete(name, value = undefined) {
    const list = URLSearchParams.#check(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = usv(name);
    const match = value === undefined ? (p) => p[0] === name : ((v) => (p) => p[0] === name && p[1] === v)(usv(value));
    this.#list = list.filter((p) => !match(p));
    this.#update();
  }

  get(name) {
    const list = URLSearchParams.#check(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = usv(name);
    const pair = list.find((p) => p[0] === name);
    return pair === undefined ? null : pair[1];
  }

  getAll(name) {
    const list = URLSearchParams.#check(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = usv(name);
    return list.filter((p) => p[0] === name).map((p) => p[1]);
  }

  has(name, value = undefined) {
    const list = URLSearchParams.#check(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = usv(name);
    if (value === undefined) return list.some((p) => p[0] === name);
    value = usv(value);
    return list.some((p) => p[0] === name && p[1] === value);
  }

  set(name, value) {
    const list = URLSearchParams.#check(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('name', 'value');
    name = usv(name), (value = usv(value));
    const at = list.findIndex((p) => p[0] === name);
    if (at < 0) list.push([name, value]);
    else {
      list[at][1] = value;
      this.#list = list.filter((p, i) => i <= at || p[0] !== name);
    }
    this.#update();
  }

  // Stable, by the names' UTF-16 code units.
  sort() {
    const list = URLSearchParams.#check(this);
    const keyed = list.map((p, i) => [p, i]);
    keyed.sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]));
    this.#list = keyed.map((k) => k[0]);
    this.#update();
  }

  entries() {
    URLSearchParams.#check(this);
    return makeIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    if (typeof callback !== 'function') throw argType('callback', 'of type function', callback);
    for (let i = 0; i < this.#list.length; i++) {
      const [name, value] = this.#list[i];
      callback.call(thisArg, value, name, this);
    }
  }

  keys() {
    URLSearchParams.#check(this);
    return makeIterator(this, 'key');
  }

  values() {
    URLSearchParams.#check(this);
    return makeIterator(this, 'value');
  }

  toString() {
    return serializeForm(URLSearchParams.#check(this));
  }

  static listOf(params) {
    return URLSearchParams.#check(params);
  }

  // URLSearchParams { 'a' => '1' }, one pair a line when they pass breakLength.
  [customInspect](depth, options, inspect) {
    const list = URLSearchParams.#check(this);
    if (typeof depth === 'number' && depth < 0) return typeof options.stylize === 'function' ? options.stylize('[Object]', 'special') : '[Object]';
    const inner = { ...options };
    if (depth !== null) inner.depth = depth - 1;
    const output = list.map(([n, v]) => `${inspect(n, inner)} => ${inspect(v, inner)}`);
    const name = this.constructor.name;
    const length = output.reduce((sum, s) => sum + stripColors(s).length + 2, -2);
    if (length > options.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    return output.length ? `${name} { ${output.join(', ')} }` : `${name} {}`;
  }
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
const listOf = URLSearchParams.listOf;
delete URLSearchParams.listOf;

const stripColors = (s) => s.replace(/\u001b\[\d\d?m/g, '');

// ==== The iterator ====

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const iteratorState = new WeakMap();

function makeIterator(params, kind) {
  const it = Object.create(ParamsIteratorPrototype);
  iteratorState.set(it, { params, kind, index: 0 });
  return it;
}

function pick(pair, kind) {
  return kind === 'key' ? pair[0] : kind === 'value' ? pair[1] : [pair[0], pair[1]];
}

const ParamsIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    value: function next() {
      const state = iteratorState.get(this);
      if (state === undefined) throw codes.ERR_INVALID_THIS('URLSearchParamsIterator');
      const list = listOf(state.params);
      if (state.index >= list.length) return { value: undefined, done: true };
      return { value: pick(list[state.index++], state.kind), done: false };
    },
    writable: true, enumerable: true, configurable: true,
  },
  [customInspect]: {
    value: function inspectIterator(depth, options, inspect) {
      const state = iteratorState.get(this);
      if (state === undefined) throw codes.ERR_INVALID_THIS('URLSearchParamsIterator');
      const inner = { ...options, depth: depth === null ? null : depth - 1 };
      const rest = listOf(state.params).slice(state.index).map((p) => pick(p, state.kind));
      const output = rest.map((v) => inspect(v, inner));
      const tag = 'URLSearchParams Iterator';
      // One a line when the same values printed as an array would take several lines.
      if (inspect(rest, inner).includes('\n')) return `${tag} {\n  ${output.join(',\n  ')} }`;
      return `${tag} { ${output.join(', ')} }`;
    },
    writable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
});

// ==== Property attributes as node's ====

function enumerate(proto, keys) {
  for (const key of keys) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    d.enumerable = true;
    Object.defineProperty(proto, key, d);
  }
}

enumerate(URL.prototype, ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']);
enumerate(URL, ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']);
enumerate(URLSearchParams.prototype, ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set',
  'sort', 'entries', 'forEach', 'keys', 'values', 'toString']);
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

module.exports = { URL, URLSearchParams, domainToASCII, domainToUnicode, parseForm, serializeForm };
