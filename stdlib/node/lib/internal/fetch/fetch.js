'use strict';
// internal/fetch/fetch: the globals fetch, Request and Response, as node 20 has them,
// for http: URLs, on top of http.request. Book: chapter 12, "Networking" ("fetch").
//
// fetch(input, init) makes a Request, sends it with the http client (the global agent,
// so connections are kept alive and reused), and settles with a Response as soon as
// the response's head has arrived: its body is a ReadableStream fed by the
// IncomingMessage, which is paused while nobody reads. Redirects are followed as the
// fetch standard says (at most 20; 303, and 301/302 after a POST, turn into a GET
// without a body), or returned ('manual'), or refused ('error'). Anything that keeps
// the response from arriving rejects with node's TypeError "fetch failed", the reason
// in its cause; an abort rejects with the signal's reason. https: needs TLS, which
// tinynode does not have: it fails the same way, and the cause says so.

const { Headers, setGuard, headersMap, copyHeaders } = require('internal/fetch/headers');
const { extractBody, bodyMixin, bodyUnusable, cloneBody } = require('internal/fetch/body');
const { ReadableStream, kState } = require('internal/fetch/streams');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kInner = Symbol('kInner');
const { isHttpToken } = require('internal/http/common');
const nullBodyStatus = [101, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];

function parseURL(input) {
  try {
    return new URL(input);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause });
  }
}

function fields(ctor, object) {
  return { __proto__: { constructor: ctor }, ...object };
}

// ==== Request ====

function normalizeMethod(method) {
  method = String(method);
  if (!isHttpToken(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
  const upper = method.toUpperCase();
  if (['CONNECT', 'TRACE', 'TRACK'].includes(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  if (['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper)) return upper;
  if (method === 'patch' && !warnedPatch) {
    warnedPatch = true;
    process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. `PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
  }
  return method;
}
let warnedPatch = false;

function checkSignal(from) {
  if (from === undefined || from === null) return null;
  if (!(from instanceof AbortSignal))
    throw new TypeError("Request constructor: Expected signal (\"" + String(from) + "\") to be an instance of AbortSignal.");
  return from;
}

// request.signal: a signal of the request's own that follows the one it was given. Made
// when first asked for (fetch itself listens to the given one).
function followSignal(from) {
  const controller = new AbortController();
  if (from === null) return controller.signal;
  if (from.aborted) controller.abort(from.reason);
  else from.addEventListener('abort', () => controller.abort(from.reason), { once: true });
  return controller.signal;
}

class Request {
  constructor(input, init = {}) {
    if (init === null || typeof init !== 'object') init = {};
    const from = input instanceof Request ? input[kInner] : null;
    const inner = this[kInner] = {
      method: from ? from.method : 'GET',
      parsed: from ? from.parsed : parseURL(input), // parsed once: the URL parser is not cheap
      url: '',
      headers: from ? copyHeaders(from.headers) : new Headers(),
      redirect: from ? from.redirect : 'follow',
      body: null,
      signal: null,
      givenSignal: null,
    };
    inner.url = inner.parsed.href;
    if (init.method !== undefined) inner.method = normalizeMethod(init.method);
    if (init.redirect !== undefined) {
      if (!['follow', 'manual', 'error'].includes(init.redirect))
        throw new TypeError(`Request constructor: ${init.redirect} is not an accepted type. Expected one of follow, manual, error.`);
      inner.redirect = init.redirect;
    }
    if (init.headers !== undefined) inner.headers = new Headers(init.headers);
    inner.givenSignal = init.signal !== undefined ? checkSignal(init.signal) : from ? from.signal || from.givenSignal : null;
    const given = init.body !== undefined && init.body !== null;
    if ((given || (from && from.body)) && (inner.method === 'GET' || inner.method === 'HEAD'))
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    if (given) {
      const body = extractBody(init.body);
      if (body.source === null && init.duplex !== 'half')
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      if (body.type !== null && !inner.headers.has('content-type')) inner.headers.append('content-type', body.type);
      inner.body = body;
    } else if (from && from.body) {
      if (bodyUnusable(from.body)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      inner.body = from.body;
    }
  }
  get method() { return this[kInner].method; }
  get url() { return this[kInner].url; }
  get headers() { return this[kInner].headers; }
  get redirect() { return this[kInner].redirect; }
  get signal() {
    const inner = this[kInner];
    if (inner.signal === null) inner.signal = followSignal(inner.givenSignal);
    return inner.signal;
  }
  get destination() { return ''; }
  get referrer() { return 'about:client'; }
  get referrerPolicy() { return ''; }
  get mode() { return 'cors'; }
  get credentials() { return 'same-origin'; }
  get cache() { return 'default'; }
  get integrity() { return ''; }
  get keepalive() { return false; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get duplex() { return 'half'; }
  clone() {
    const inner = this[kInner];
    if (bodyUnusable(inner.body)) throw new TypeError('Request.clone: Body has already been consumed.');
    const copy = new Request(this, { signal: this.signal });
    [inner.body, copy[kInner].body] = cloneBody(inner.body);
    return copy;
  }
  [customInspect](depth, options, inspect) {
    const keys = ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode', 'credentials',
      'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation', 'signal'];
    const shown = {};
    for (const k of keys) shown[k] = this[k];
    return `Request ${inspect(fields(Request, shown), options)}`;
  }
}
bodyMixin(Request.prototype, (r) => r[kInner].body, (r) => r[kInner].headers.get('content-type'));
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });

// ==== Response ====

function makeResponse(inner) {
  const r = Object.create(Response.prototype);
  r[kInner] = { status: 200, statusText: '', headers: new Headers(), body: null, type: 'default', urlList: [], ...inner };
  return r;
}

function initResponse(inner, init, body) {
  if (init === null || typeof init !== 'object') init = {};
  const status = init.status === undefined ? 200 : Number(init.status) | 0;
  if (status < 200 || status > 599) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  const statusText = init.statusText === undefined ? '' : String(init.statusText);
  if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(statusText)) throw new TypeError('Invalid statusText');
  inner.status = status;
  inner.statusText = statusText;
  if (init.headers !== undefined) inner.headers = new Headers(init.headers);
  if (body === null) return;
  if (nullBodyStatus.includes(status)) throw new TypeError(`Response constructor: Invalid response status code ${status}`);
  inner.body = body;
  if (body.type !== null && !inner.headers.has('content-type')) inner.headers.append('content-type', body.type);
}

class Response {
  constructor(body = null, init = {}) {
    this[kInner] = { status: 200, statusText: '', headers: new Headers(), body: null, type: 'default', urlList: [] };
    initResponse(this[kInner], init, body === null ? null : extractBody(body));
  }
  static error() {
    const r = makeResponse({ status: 0, type: 'error' });
    setGuard(r[kInner].headers, 'immutable');
    return r;
  }
  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const r = makeResponse({});
    const body = extractBody(text);
    body.type = 'application/json';
    initResponse(r[kInner], init, body);
    return r;
  }
  static redirect(url, status = 302) {
    const href = parseURL(url).href;
    if (!redirectStatus.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = makeResponse({ status });
    r[kInner].headers.set('location', href);
    setGuard(r[kInner].headers, 'immutable');
    return r;
  }
  get type() { return this[kInner].type; }
  get url() {
    const list = this[kInner].urlList;
    return list.length ? list[list.length - 1].href.replace(/#.*$/s, '') : '';
  }
  get redirected() { return this[kInner].urlList.length > 1; }
  get status() { return this[kInner].status; }
  get ok() { return this[kInner].status >= 200 && this[kInner].status <= 299; }
  get statusText() { return this[kInner].statusText; }
  get headers() { return this[kInner].headers; }
  clone() {
    const inner = this[kInner];
    if (bodyUnusable(inner.body)) throw new TypeError('Response.clone: Body has already been consumed.');
    const copy = makeResponse({ ...inner, headers: copyHeaders(inner.headers) });
    if (inner.type !== 'default') setGuard(copy[kInner].headers, 'immutable');
    [inner.body, copy[kInner].body] = cloneBody(inner.body);
    return copy;
  }
  [customInspect](depth, options, inspect) {
    const shown = {};
    for (const k of ['status', 'statusText', 'headers', 'body', 'bodyUsed', 'ok', 'redirected', 'type', 'url']) shown[k] = this[k];
    return `Response ${inspect(fields(Response, shown), options)}`;
  }
}
bodyMixin(Response.prototype, (r) => r[kInner].body, (r) => r[kInner].headers.get('content-type'));
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });

// ==== fetch ====

const fetchFailed = (cause) => new TypeError('fetch failed', { cause });
const networkError = (message) => fetchFailed(new Error(message));

// The fetch standard's "bad ports": never fetched.
const badPorts = [1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514,
  515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080];

// Why url cannot be fetched here, or null.
function unfetchable(url) {
  if (url.protocol === 'https:') return 'https: needs TLS, which tinynode does not have (only http: URLs can be fetched)';
  if (['about:', 'blob:', 'data:', 'file:'].includes(url.protocol)) return `${url.protocol} URLs are not supported by tinynode's fetch`;
  if (url.protocol !== 'http:') return 'unknown scheme';
  if (badPorts.includes(Number(url.port))) return 'bad port';
  return null;
}

function requestHeaders(url, method, headers, body) {
  const out = { host: url.host, connection: 'keep-alive' };
  for (const [key, { value }] of headersMap(headers)) out[key] = value;
  const defaults = { accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors', 'user-agent': 'node' };
  for (const key of Object.keys(defaults)) if (!(key in out)) out[key] = defaults[key];
  if (body && body.length !== null) out['content-length'] = String(body.length);
  else if (!body && ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase())) out['content-length'] = '0';
  return out;
}

async function writeBody(req, body) {
  if (body === null) return req.end();
  if (body.source !== null) return req.end(Buffer.from(body.source));
  const reader = body.stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return req.end();
    req.write(value);
  }
}

//> fetch.body-stream
// The body of a fetched response: the IncomingMessage's chunks, paused while unread.
function bodyStream(res, state) {
  const stream = new ReadableStream({
    start(controller) {
      const open = () => stream[kState].state === 'readable'; // not cancelled, aborted or errored
      res.on('data', (chunk) => {
        if (!open()) return;
        controller.enqueue(new Uint8Array(chunk));
        if (controller.desiredSize <= 0) res.pause();
      });
      res.on('end', () => { state.done(); if (open()) controller.close(); });
      res.on('error', (e) => { state.done(); controller.error(new TypeError('terminated', { cause: e })); });
    },
    pull() { res.resume(); },
    cancel() { state.done(); res.destroy(); },
  });
  stream[kState].byob = true;
  return stream;
}
//< fetch.body-stream

// One step of the fetch: send the request to url and deal with its response.
function step(state, url) {
  const reason = unfetchable(url);
  if (reason !== null) return state.fail(networkError(reason));
  const { method, body, headers } = state;
  const http = require('http');
  let req;
  try {
    req = http.request({ hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || 80,
      path: url.pathname + url.search, method, headers: requestHeaders(url, method, headers, body) });
  } catch (e) {
    return state.fail(fetchFailed(e));
  }
  state.current = req;
  req.on('error', (e) => state.fail(fetchFailed(e)));
  req.on('response', (res) => respond(state, url, res));
  writeBody(req, body).catch((e) => { req.destroy(); state.fail(fetchFailed(e)); });
}

function respond(state, url, res) {
  state.urlList.push(url);
  const status = res.statusCode;
  const location = res.headers.location;
  if (redirectStatus.includes(status) && location !== undefined && state.redirect !== 'manual') {
    res.resume();
    if (state.redirect === 'error') return state.fail(networkError('unexpected redirect'));
    return redirect(state, url, status, location);
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
  setGuard(headers, 'immutable');
  const empty = nullBodyStatus.includes(status) || state.method === 'HEAD';
  if (empty) res.resume(), res.on('end', () => state.done());
  const response = makeResponse({ status, statusText: res.statusMessage || '', headers, type: 'basic', urlList: state.urlList });
  state.response = response;
  if (!empty) response[kInner].body = { stream: bodyStream(res, state), source: null, length: null, type: null };
  state.resolve(response);
}

function redirect(state, url, status, location) {
  let next;
  try {
    next = new URL(location, url);
  } catch (cause) {
    return state.fail(fetchFailed(cause));
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return state.fail(networkError('URL scheme must be a HTTP(S) scheme'));
  if (++state.redirects > 20) return state.fail(networkError('redirect count exceeded'));
  if ((status === 303 && state.method !== 'GET' && state.method !== 'HEAD') ||
      ((status === 301 || status === 302) && state.method === 'POST')) {
    state.method = 'GET';
    state.body = null;
    for (const name of ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length'])
      state.headers.delete(name);
  } else if (state.body !== null && state.body.source === null) {
    return state.fail(networkError('')); // the stream was sent and cannot be sent again (node's cause has no message)
  }
  if (next.origin !== url.origin) for (const name of ['authorization', 'cookie', 'proxy-authorization']) state.headers.delete(name);
  step(state, next);
}

// An async function, as undici's: even a bad argument rejects a tick later.
async function fetch(input, init = undefined) {
  return await start(input, init);
}

function start(input, init) {
  return new Promise((resolve, reject) => {
    const request = new Request(input, init);
    const inner = request[kInner];
    const signal = inner.signal || inner.givenSignal;
    if (signal && signal.aborted) return reject(signal.reason);
    const state = {
      method: inner.method, headers: copyHeaders(inner.headers), body: inner.body, redirect: inner.redirect,
      urlList: [], redirects: 0, current: null, response: null, settled: false,
      resolve(response) { state.settled = true; resolve(response); },
      fail(e) { if (!state.settled) state.settled = true, state.done(), reject(e); },
      done() { if (signal) signal.removeEventListener('abort', onAbort); },
    };
    const onAbort = () => {
      const body = state.response && state.response[kInner].body;
      if (!state.settled) state.settled = true, reject(signal.reason);
      else if (body) body.stream[kState].controller.error(signal.reason);
      if (state.current) state.current.destroy();
    };
    if (signal) signal.addEventListener('abort', onAbort);
    step(state, inner.parsed);
  });
}

module.exports = { fetch, Request, Response };
