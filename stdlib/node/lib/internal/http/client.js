'use strict';
// internal/http/client: http.request, http.get, ClientRequest and Agent, over net
// sockets. Book: chapter 12, "Networking".
//
// A ClientRequest asks its Agent for a socket (a kept-alive free one, a new one, or a
// place in the queue when maxSockets are busy), writes its head and body to it (a
// Content-Length when end() knows the whole body, chunks otherwise, as node frames
// them), and feeds what the socket reads to a ResponseParser; the response is an
// IncomingMessage. When the response has ended and the request was written whole,
// the socket goes back to the agent ('free'), which keeps it for the next request
// (keepAlive) or closes it.

const EventEmitter = require('events');
const Stream = require('internal/streams/legacy');
const net = require('net');
const errors = require('internal/errors');
const { ResponseParser, IncomingMessage } = require('internal/http/incoming');
const { isHttpToken, connResetException } = require('internal/http/common');
const { installHeaderMethods, outHeaders } = require('internal/http/headers');

// ==== Agent ====

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
  this.totalSocketCount = 0;
  this.on('free', (socket, options) => this._onFree(socket, options));
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);
Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = function (options, cb) {
  return net.createConnection(options, cb);
};

Agent.prototype.getName = function (options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  return name;
};

Agent.prototype.addRequest = function (req, options) {
  options = { __proto__: null, ...options, ...this.options };
  if (!options.servername && options.host) options.servername = options.host;
  const name = this.getName(options);
  const free = this.freeSockets[name];
  if (free && free.length) {
    const socket = this.scheduling === 'fifo' ? free.shift() : free.pop();
    if (!free.length) delete this.freeSockets[name];
    this.reuseSocket(socket, req);
    socket.setTimeout(0);
    (this.sockets[name] = this.sockets[name] || []).push(socket);
    req.onSocket(socket);
    return;
  }
  const busy = (this.sockets[name] || []).length;
  if (busy < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this._createSocket(req, options, name);
  } else {
    (this.requests[name] = this.requests[name] || []).push([req, options]);
  }
};

Agent.prototype._createSocket = function (req, options, name) {
  options._agentKey = name;
  const socket = this.createConnection(options);
  socket._agentKey = name;
  this.totalSocketCount++;
  (this.sockets[name] = this.sockets[name] || []).push(socket);
  const onClose = () => this._removeSocket(socket, name);
  socket.on('error', () => {}); // a socket between requests fails quietly, as node's

  socket.once('close', onClose);
  socket.once('agentRemove', () => {
    socket.removeListener('close', onClose);
    this._removeSocket(socket, name, true);
  });
  req.onSocket(socket);
};

Agent.prototype._removeSocket = function (socket, name, keepCount) {
  for (const sets of [this.sockets, this.freeSockets]) {
    const list = sets[name];
    const i = list ? list.indexOf(socket) : -1;
    if (i >= 0) {
      list.splice(i, 1);
      if (!list.length) delete sets[name];
    }
  }
  if (!keepCount) this.totalSocketCount--;
  const queue = this.requests[name];
  if (queue && queue.length && (this.sockets[name] || []).length < this.maxSockets) {
    const [req, options] = queue.shift();
    if (!queue.length) delete this.requests[name];
    this._createSocket(req, options, name);
  }
};

// A request is done with socket: the next queued request gets it, or it is kept free.
Agent.prototype._onFree = function (socket, options) {
  const name = socket._agentKey;
  const queue = this.requests[name];
  if (queue && queue.length) {
    const [req] = queue.shift();
    if (!queue.length) delete this.requests[name];
    req.onSocket(socket); // node's setRequestSocket: reusedSocket stays false

    return;
  }
  const busy = this.sockets[name];
  const i = busy ? busy.indexOf(socket) : -1;
  if (i >= 0) busy.splice(i, 1);
  if (busy && !busy.length) delete this.sockets[name];
  const free = this.freeSockets[name] || [];
  if (!this.keepAlive || free.length >= this.maxFreeSockets || socket.destroyed ||
      !this.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }
  free.push(socket);
  this.freeSockets[name] = free;
  socket._agentTimeout = () => socket.destroy();
  socket.once('timeout', socket._agentTimeout);
};

// Node's hooks, which a subclass may replace. A free socket times out a second before
// the server's `Keep-Alive: timeout=N` says it will close it, so that it is never
// reused just as the server closes it, and is not kept when that leaves no time.
Agent.prototype.keepSocketAlive = function (socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  let keep = true;
  const hint = /^timeout=(\d+)/.exec(socket._httpMessage?.res?.headers['keep-alive'] || '')?.[1];
  if (hint) {
    const serverTimeout = Math.max(Number.parseInt(hint) * 1000 - 1000, 0);
    if (serverTimeout === 0) keep = false;
    else if (serverTimeout < agentTimeout) agentTimeout = serverTimeout;
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return keep;
};

Agent.prototype.reuseSocket = function (socket, req) {
  socket.removeListener('timeout', socket._agentTimeout);
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function () {
  for (const sets of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(sets)) for (const s of sets[name].slice()) s.destroy();
  }
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ==== URLs ====

// As node: a string is parsed by the WHATWG URL parser (its ERR_INVALID_URL), and a URL
// gives the options a request needs.
function urlToOptions(input) {
  const { urlToHttpOptions } = require('url');
  return urlToHttpOptions(typeof input === 'string' ? new URL(input) : input);
}

// ==== ClientRequest ====

function ClientRequest(input, options, cb) {
  Stream.call(this);
  if (typeof input === 'string') {
    input = urlToOptions(input);
  } else if (input instanceof URL) {
    input = urlToOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || globalAgent;
  if (agent === false) agent = new Agent();
  else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw errors.argType('options.agent', 'of type Agent-like Object, undefined, or false', agent);
  }
  this.agent = agent;
  const protocol = options.protocol || defaultAgent.protocol;
  if (protocol !== 'http:') {
    throw errors.makeError(1, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "http:"`);
  }
  const defaultPort = options.defaultPort || (agent && agent.defaultPort) || 80;
  const port = options.port = options.port || defaultPort || 80;
  const host = options.host = options.hostname || options.host || 'localhost';
  if (options.timeout !== undefined) this.timeout = options.timeout;
  const method = options.method === undefined || options.method === null ? 'GET' : options.method;
  if (typeof method !== 'string') throw errors.argType('options.method', 'of type string', method);
  if (!isHttpToken(method)) throw errors.makeError(1, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
  this.method = method.toUpperCase();
  const path = options.path === undefined ? '/' : String(options.path);
  if (/[\u0000-\u0020]/.test(path)) {
    throw errors.makeError(1, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
  }
  if (options.joinDuplicateHeaders !== undefined && typeof options.joinDuplicateHeaders !== 'boolean') {
    throw errors.argType('options.joinDuplicateHeaders', 'of type boolean', options.joinDuplicateHeaders);
  }
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this.path = path;
  this.host = host;
  this.protocol = protocol;
  this.finished = false;
  this.writableEnded = false;
  this.writableFinished = false;
  this.headersSent = false;
  this.aborted = false;
  this.destroyed = false;
  this.reusedSocket = false;
  this.socket = null;
  this.res = null;
  this.maxHeadersCount = null;
  this._header = null;
  this._output = []; // bytes written before a socket was assigned
  this._hasBody = true;
  this._contentLength = null;
  this.chunkedEncoding = false;
  this.useChunkedEncodingByDefault = !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(this.method);
  this.shouldKeepAlive = !!agent && (agent.keepAlive || Number.isFinite(agent.maxSockets));
  const headers = options.headers;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
  } else if (headers) {
    for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
  }
  if (options.setHost !== false && !this.hasHeader('host') && !Array.isArray(headers)) {
    let hostHeader = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    if (port && +port !== defaultPort) hostHeader += `:${port}`;
    this.setHeader('Host', hostHeader);
  }
  if (options.auth && !this.hasHeader('authorization')) {
    this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
  }
  if (cb) this.once('response', cb);
  if (options.signal) this._watchSignal(options.signal);
  const connectOptions = { ...options, host, port };
  delete connectOptions.signal;
  if (agent) agent.addRequest(this, connectOptions);
  else {
    const socket = options.createConnection(connectOptions);
    if (socket) this.onSocket(socket);
  }
}
Object.setPrototypeOf(ClientRequest.prototype, Stream.prototype);
Object.setPrototypeOf(ClientRequest, Stream);

ClientRequest.prototype._watchSignal = function (signal) {
  const { AbortError } = require('internal/event_target');
  const onAbort = () => this.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) process.nextTick(onAbort);
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    this.once('close', () => signal.removeEventListener('abort', onAbort));
  }
};

// ==== Headers ====

installHeaderMethods(ClientRequest.prototype);

// The request line and headers, with node's Connection and framing headers after the
// user's (node's _storeHeader).
ClientRequest.prototype._storeHeader = function () {
  let head = `${this.method} ${this.path} HTTP/1.1\r\n`;
  for (const [key, [name, value]] of outHeaders(this, false)) {
    // An array is one line per value, but several cookies share one line, as node sends them.
    const values = !Array.isArray(value) ? [value] : key === 'cookie' ? [value.join('; ')] : value;
    for (const v of values) head += `${name}: ${v}\r\n`;
  }
  const has = (n) => outHeaders(this, false).has(n);
  if (!has('connection')) head += `Connection: ${this.shouldKeepAlive ? 'keep-alive' : 'close'}\r\n`;
  else if (/close/i.test(String(this.getHeader('connection')))) this.shouldKeepAlive = false;
  if (!has('content-length') && !has('transfer-encoding')) {
    if (!this.useChunkedEncodingByDefault) this._hasBody = this._hasBody && true;
    else if (typeof this._contentLength === 'number') head += `Content-Length: ${this._contentLength}\r\n`;
    else {
      head += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    }
  } else if (has('transfer-encoding')) {
    this.chunkedEncoding = /chunked/i.test(String(this.getHeader('transfer-encoding')));
  }
  this._header = `${head}\r\n`;
  this.headersSent = true;
};

ClientRequest.prototype.flushHeaders = function () {
  if (!this._header) {
    this._storeHeader();
    this._send(Buffer.alloc(0));
  }
};

// ==== Writing ====

function toBuffer(chunk, encoding) {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding || 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw errors.argType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
}

// Hands bytes (the head first, once) to the socket, or keeps them until one comes.
ClientRequest.prototype._send = function (body, cb) {
  const parts = [];
  if (!this._headerSent) {
    parts.push(Buffer.from(this._header, 'latin1'));
    this._headerSent = true;
  }
  if (body.length) {
    if (this.chunkedEncoding) parts.push(Buffer.from(`${body.length.toString(16)}\r\n`, 'latin1'), body, Buffer.from('\r\n'));
    else parts.push(body);
  }
  const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  if (this.socket && !this.socket.connecting && this._output.length === 0 && this._attached) {
    return this.socket.write(data, cb);
  }
  this._output.push([data, cb]);
  const ok = this._outputSize() < 16384;
  if (!ok) this._needDrain = true; // 'drain' is ours to emit once the socket takes it
  return ok;
};

ClientRequest.prototype._outputSize = function () {
  let n = 0;
  for (const [d] of this._output) n += d.length;
  return n;
};

ClientRequest.prototype._flushOutput = function () {
  const out = this._output;
  this._output = [];
  let ok = true;
  for (const [data, cb] of out) ok = this.socket.write(data, cb);
  // A socket that took it all at once emits no 'drain' of its own (node 20.20's write()
  // answers after _write): the writer that heard false hears 'drain' from here.
  if (ok && this._needDrain) {
    this._needDrain = false;
    this.emit('drain');
  }
  return ok;
};

ClientRequest.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (this.finished) {
    const err = errors.makeError(0, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
    process.nextTick(() => {
      if (cb) cb(err);
      this.emit('error', err);
    });
    return false;
  }
  if (chunk === null) throw errors.makeError(1, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  const body = toBuffer(chunk, encoding);
  if (!this._header) this._storeHeader();
  if (body.length === 0) {
    if (cb) process.nextTick(cb);
    return true;
  }
  return this._send(body, cb);
};

ClientRequest.prototype.end = function (chunk, encoding, cb) {
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (this.finished) {
    if (cb) process.nextTick(cb);
    return this;
  }
  const body = chunk === null || chunk === undefined ? Buffer.alloc(0) : toBuffer(chunk, encoding);
  if (!this._header) {
    this._contentLength = body.length;
    this._storeHeader();
  }
  if (cb) this.once('finish', cb);
  this.finished = true;
  this.writableEnded = true;
  const done = () => {
    this.writableFinished = true;
    this.emit('finish');
    this._maybeFree();
  };
  if (this.chunkedEncoding) {
    if (body.length) this._send(body);
    this._sendRaw(Buffer.from('0\r\n\r\n', 'latin1'), done);
  } else {
    this._send(body, done);
  }
  return this;
};

ClientRequest.prototype._sendRaw = function (data, cb) {
  if (!this._headerSent) {
    data = Buffer.concat([Buffer.from(this._header, 'latin1'), data]);
    this._headerSent = true;
  }
  if (this.socket && !this.socket.connecting && this._output.length === 0 && this._attached) this.socket.write(data, cb);
  else this._output.push([data, cb]);
};

Object.defineProperties(ClientRequest.prototype, {
  connection: {
    get() {
      return this.socket;
    },
    configurable: true,
  },
  writableLength: {
    get() {
      return this._outputSize() + (this.socket ? this.socket.writableLength : 0);
    },
    configurable: true,
  },
});

// ==== The socket ====

ClientRequest.prototype.onSocket = function (socket) {
  process.nextTick(() => this._attach(socket));
};

ClientRequest.prototype._attach = function (socket) {
  if (this.destroyed) {
    if (this.agent && !socket.destroyed && !this._destroyError) {
      socket.once('connect', () => this.agent.emit('free', socket, {}));
    } else socket.destroy();
    if (this._destroyError) this._emitError(this._destroyError);
    else this._hangUp();
    this._emitClose();
    return;
  }
  this.socket = socket;
  socket._httpMessage = this;
  this._attached = true;
  const parser = new ResponseParser({
    onHead: (head) => this._onHead(head),
    onUpgrade: (head, rest) => this._onUpgrade(head, rest),
    onBody: (bytes) => this._onBody(bytes),
    onComplete: () => this._onComplete(),
    onTrailer: (name, value) => this.res && this.res.rawTrailers.push(name, value),
  });
  parser.noBody = this.method === 'HEAD';
  parser.connect = this.method === 'CONNECT';
  this._parser = parser;
  const listeners = {
    data: (d) => {
      const err = parser.execute(d);
      if (err) {
        this._parseFailed = true;
        socket.destroy();
        this._emitError(err);
      }
    },
    end: () => {
      if (!parser.finish() && !this.res) this._hangUp();
    },
    error: (err) => this._emitError(err),
    close: () => this._onSocketClose(),
    drain: () => {
      this._needDrain = false;
      this.emit('drain');
    },
    timeout: () => this.emit('timeout'),
  };
  this._listeners = listeners;
  for (const k of Object.keys(listeners)) socket.on(k, listeners[k]);
  if (this.timeout !== undefined) socket.setTimeout(this.timeout);
  this.emit('socket', socket);
  if (socket.connecting) socket.once('connect', () => this._flushOutput());
  else this._flushOutput();
};

ClientRequest.prototype._detach = function () {
  const socket = this.socket;
  for (const k of Object.keys(this._listeners || {})) socket.removeListener(k, this._listeners[k]);
  this._listeners = null;
};

ClientRequest.prototype._emitError = function (err) {
  if (this._errorEmitted) return;
  this._errorEmitted = true;
  if (this.res && !this.res.complete) {
    this.res.destroy(connResetException('aborted'));
    return;
  }
  if (!this.res) this.emit('error', err);
};

ClientRequest.prototype._hangUp = function () {
  if (!this.aborted && !this.res) this._emitError(connResetException('socket hang up'));
};

ClientRequest.prototype._onSocketClose = function () {
  const res = this.res;
  if (res && !res.complete) {
    if (!res.destroyed) res.destroy(connResetException('aborted'));
  } else if (!res) {
    if (this._destroyError) this._emitError(this._destroyError);
    else this._hangUp();
  }
  this._detach();
  this.destroyed = true;
  this._emitClose();
};

ClientRequest.prototype._emitClose = function () {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  this.emit('close');
};

ClientRequest.prototype._onHead = function (head) {
  if (head.statusCode >= 100 && head.statusCode < 200 && head.statusCode !== 101) {
    if (head.statusCode === 100) this.emit('continue');
    this.emit('information', {
      statusCode: head.statusCode, statusMessage: head.statusMessage,
      httpVersion: `${head.versionMajor}.${head.versionMinor}`,
      httpVersionMajor: head.versionMajor, httpVersionMinor: head.versionMinor,
      headers: require('internal/http/incoming').headersObject(head.rawHeaders), rawHeaders: head.rawHeaders,
    });
    return;
  }
  const res = this._makeResponse(head);
  if (!head.shouldKeepAlive) this.shouldKeepAlive = false;
  res.on('end', () => {
    if (!this.shouldKeepAlive) {
      if (this.socket && this.socket.writable) this.socket.destroySoon();
    } else this._maybeFree();
  });
  if (!this.emit('response', res)) res._dump();
};

// A 101 (or a CONNECT's 2xx): node's 'upgrade' ('connect') with the response, the
// socket, now the caller's, and what came after the head; nobody listening, the
// socket is destroyed.
ClientRequest.prototype._onUpgrade = function (head, bodyHead) {
  const res = this._makeResponse(head);
  res.upgrade = true;
  const socket = this.socket, event = this.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (this.listenerCount(event) === 0) {
    socket.destroy();
    return;
  }
  this.upgradeOrConnect = true;
  this._detach();
  socket.emit('agentRemove');
  socket._httpMessage = null;
  this.emit(event, res, socket, Buffer.from(bodyHead));
  this.destroyed = true;
  this._emitClose();
};

ClientRequest.prototype._makeResponse = function (head) {
  const res = new IncomingMessage(this.socket);
  res.httpVersionMajor = head.versionMajor;
  res.httpVersionMinor = head.versionMinor;
  res.httpVersion = `${head.versionMajor}.${head.versionMinor}`;
  res.rawHeaders = head.rawHeaders;
  res.joinDuplicateHeaders = this.joinDuplicateHeaders;
  res.statusCode = head.statusCode;
  res.statusMessage = head.statusMessage;
  res.req = this;
  res.upgrade = false;
  this.res = res;
  return res;
};

ClientRequest.prototype._onBody = function (bytes) {
  const res = this.res;
  if (!res || res.destroyed) return;
  if (!res.push(Buffer.from(bytes)) && this.socket) this.socket.pause();
};

ClientRequest.prototype._onComplete = function () {
  const res = this.res;
  if (!res) return;
  res.complete = true;
  res.push(null);
  if (this.socket && this.socket.isPaused()) this.socket.resume();
};

// Both the request and the response are done: the socket goes back to the agent.
ClientRequest.prototype._maybeFree = function () {
  if (!this.res || !this.res.complete || !this.writableFinished || this._freed || !this.shouldKeepAlive) return;
  if (!this.res.readableEnded) return;
  this._freed = true;
  const socket = this.socket;
  this._detach();
  this.destroyed = true;
  process.nextTick(() => {
    this._emitClose();
    if (this.agent) this.agent.emit('free', socket, {});
    else socket.destroySoon();
  });
};

ClientRequest.prototype.setTimeout = function (msecs, callback) {
  if (callback) this.once('timeout', callback);
  this.timeout = msecs;
  if (this.socket) this.socket.setTimeout(msecs);
  return this;
};

ClientRequest.prototype.setNoDelay = function (noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (s) => s.setNoDelay(noDelay));
};

ClientRequest.prototype.setSocketKeepAlive = function (enable, delay) {
  if (this.socket) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (s) => s.setKeepAlive(enable, delay));
};

ClientRequest.prototype.abort = function () {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

// Without a socket yet, the error and 'close' wait for it (_attach), as node's onSocketNT.
ClientRequest.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this._destroyError = err;
  if (this.res) this.res._dump();
  if (this.socket) this.socket.destroy(err);
  return this;
};

// ==== The module's functions ====

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, ClientRequest, IncomingMessage, request, get };
