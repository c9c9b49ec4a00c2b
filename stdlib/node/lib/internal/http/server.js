'use strict';
// internal/http/server: the server's JavaScript half. The server is C
// (stdlib/node/http/): it parses each request, makes its IncomingMessage through
// makeRequest, pushes the body into it, and calls responseDone when the response has
// ended and abortRequest when the connection goes first. Book: chapter 12, "Networking".

const Stream = require('internal/streams/legacy');
const binding = require('internal/http');
const { IncomingMessage, dumpUnread } = require('internal/http/incoming');
const { connResetException } = require('internal/http/common');
const { setSocketTimeout, whenSocketLoaded } = require('internal/net');
const Readable = require('internal/streams/readable');
const { installHeaderMethods, outHeaders } = require('internal/http/headers');
const errors = require('internal/errors');

// A request: a Readable of Buffers, with the head's fields. Its headers object is made
// from rawHeaders when first read (from the first headerPairs entries only, when C
// says the server's maxHeadersCount cuts them; joining repeated first-only names when
// the server's joinDuplicateHeaders is true). custom is the server when it has a request
// class of its own.
function makeRequest(socket, method, url, major, minor, rawHeaders, headerPairs, join, version,
  custom) {
  const req = custom === undefined ? new IncomingMessage(socket) : new custom[kIncomingMessage](socket);
  if (headerPairs !== undefined) req._headerPairs = headerPairs;
  req.joinDuplicateHeaders = join;
  req.httpVersionMajor = major;
  req.httpVersionMinor = minor;
  req.httpVersion = version; // "1.1", made once in C
  req.rawHeaders = rawHeaders;
  req.url = url;
  req.method = method;
  req.upgrade = false;
  return req;
}

// The options node's Server constructor keeps for JavaScript: the class requests are
// made with (a subclass of IncomingMessage, say), and the class of responses, which here
// can only be node's own: tinynode's responses are made in C. C hears whether requests
// have a class of their own, and uniqueHeaders' names, lowercased.
const kIncomingMessage = Symbol('IncomingMessage');

function serverOptions(server, options = {}) {
  const Request = options.IncomingMessage;
  server[kIncomingMessage] = Request || IncomingMessage;
  if (options.ServerResponse && options.ServerResponse !== ServerResponse) {
    throw new Error('http.createServer({ ServerResponse }) is not supported by tinynode: ' +
      'its responses are made in C, and only http.ServerResponse can be given');
  }
  const headers = options.uniqueHeaders;
  let unique = null;
  if (Array.isArray(headers)) {
    unique = [];
    for (let i = 0; i < headers.length; i++) unique.push(headers[i].toLowerCase());
  }
  return { customRequest: !!Request, unique };
}

// The connection has left HTTP (C handed it to an internal/tcp handle): node's
// 'upgrade' or 'connect' with the request, its socket and the bytes after the head. The
// socket stays the same object; from now on it is a plain net.Socket over the handle,
// paused until someone reads it, its errors its owner's (node's onParserExecuteCommon).
function upgradeRequest(req, handle, head, event, server) {
  const socket = req.socket;
  if (Object.getPrototypeOf(socket) === lazyProto) materialize(socket, 0);
  socket._bytesRead = socket.bytesRead; // the counts so far, from C
  socket._bytesDispatched = socket.bytesWritten;
  Object.setPrototypeOf(socket, Socket.prototype);
  socket.removeListener('error', socketOnError);
  socket._readableState.flowing = null;
  socket._attach(handle);
  socket.read(0);
  socket.once('close', () => server._upgradedClosed());
  req.upgrade = true;
  server.emit(event, req, socket, head);
}

// node's resOnFinish: a body nobody read is read and thrown away (so that 'end' and
// 'close' still come), the response lets go of its socket, and hears 'close' next tick.
function responseDone(req, res) {
  dumpUnread(req);
  res.socket = null;
  process.nextTick(emitClose, res);
}

function emitClose(res) {
  if (res._closed) return;
  res._closed = true;
  res.destroyed = true;
  res.emit('close');
}

// node's abortIncoming, when the connection closes (or its peer stops sending) before
// the response has ended; the response hears 'close' then.
function abortRequest(req, res) {
  req.destroy(connResetException('aborted'));
  if (res.socket && res.socket.destroyed) emitClose(res);
}

// node's socketOnTimeout, when the connection's idle clock runs out (socket.setTimeout,
// server.timeout, keepAliveTimeout): 'timeout' on the request whose body is still
// coming, on the response and on the server; if nobody listens, the socket is
// destroyed. It is the socket's first 'timeout' listener in node, so the socket's own
// listeners hear 'timeout' after it.
function socketTimeout(socket, req, res, server) {
  const reqTimeout = req && !req.complete && req.emit('timeout', socket);
  const resTimeout = res && res.emit('timeout', socket);
  const serverTimeout = server.emit('timeout', socket);
  if (!reqTimeout && !resTimeout && !serverTimeout) socket.destroy();
  socket.emit('timeout');
}

// ServerResponse: the class of the responses the server makes (their methods are C's).
// A response cannot be made by hand here, as it can in node.
function ServerResponse() {
  throw new Error('http.ServerResponse cannot be constructed by tinynode: use the response ' +
    "a server hands to its 'request' listeners");
}
ServerResponse.prototype = binding._responsePrototype;
Object.defineProperty(ServerResponse.prototype, 'constructor', {
  value: ServerResponse, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(ServerResponse.prototype, 'connection', {
  get() {
    return this.socket;
  },
  configurable: true,
});
// The Writable-like state node's OutgoingMessage reports (writableLength and
// writableNeedDrain are C's: the bytes written this turn).
const writableState = {
  writableFinished() { return this.finished; },
  writableHighWaterMark() {
    const socket = this.socket || this.req.socket;
    return socket ? socket.writableHighWaterMark : 16384;
  },
  writableCorked() { return this._corked || 0; },
  writableObjectMode() { return false; },
};
for (const name of Object.keys(writableState)) {
  Object.defineProperty(ServerResponse.prototype, name, { get: writableState[name], configurable: true });
}
Object.setPrototypeOf(ServerResponse.prototype, Stream.prototype);

// The header methods keep the values as given; C keeps the lines it will send.
const proto = ServerResponse.prototype;
const wire = {
  set: (res, name, value) => proto._setHeader.call(res, name, value),
  remove: (res, name) => proto._removeHeader.call(res, name),
};
installHeaderMethods(proto, wire);

// writeHead(statusCode[, statusMessage][, headers]) is C's. Headers as an object go
// straight to the head, and getHeader does not see them, unless setHeader was used
// before: then C calls mergeHeaders, as it does for an array (flat, or of pairs).
function mergeHeaders(res, obj, set) {
  if (res.headersSent) return;
  if (Array.isArray(obj) && set) { // node 20 sets each name of a flat list: the last wins
    if (obj.length % 2 !== 0) throw errors.argValue('headers', obj);
    for (let n = 0; n < obj.length; n += 2) if (obj[n]) res.setHeader(obj[n], obj[n + 1]);
  } else if (Array.isArray(obj)) { // each pair is one more line
    const flat = !(obj.length && Array.isArray(obj[0]));
    if (flat && obj.length % 2 !== 0) throw errors.argValue('headers', obj);
    for (let n = 0; n < obj.length; n += flat ? 2 : 1) {
      const [k, v] = flat ? [obj[n], obj[n + 1]] : obj[n];
      if (k) proto._appendHeader.call(res, k, v);
    }
  } else {
    for (const k of Object.keys(obj)) if (k) res.setHeader(k, obj[k]);
  }
}
proto.writeHeader = proto.writeHead;

// Interim responses, written ahead of the real one; cb runs on the next tick.
function writeInterim(res, head, cb) {
  res._writeInterim(head);
  if (typeof cb === 'function') process.nextTick(cb);
}

proto.writeProcessing = function writeProcessing(cb) {
  writeInterim(this, 'HTTP/1.1 102 Processing\r\n\r\n', cb);
};

// A Link value node accepts: <uri> then ; params (name, or name=value, or name="value",
// without blanks or semicolons).
const linkValue = /^<[^>]*>(?:\s*;\s*[^;"\s=]+(?:=(?:"[^;"\s]*"|[^;"\s]*))?)*$/;

proto.writeEarlyHints = function writeEarlyHints(hints, cb) {
  if (hints === null || typeof hints !== 'object' || Array.isArray(hints)) {
    throw errors.argType('hints', 'of type object', hints);
  }
  if (hints.link === null || hints.link === undefined) return;
  const links = Array.isArray(hints.link) ? hints.link : [hints.link];
  for (const l of links) {
    if (typeof l !== 'string' || !linkValue.test(l.trim())) {
      throw errors.argValue('hints', l, 'must be an array or string of format "</styles.css>; rel=preload; as=style"');
    }
  }
  const link = links.join(', ');
  if (link.length === 0) return;
  let head = `HTTP/1.1 103 Early Hints\r\nLink: ${link}\r\n`;
  for (const key of Object.keys(hints)) if (key !== 'link') head += `${key}: ${hints[key]}\r\n`;
  writeInterim(this, `${head}\r\n`, cb);
};

// destroy(error): node's OutgoingMessage.destroy, through the socket.
proto.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.errored = error;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

// cork()/uncork(): the bytes go to C's queue at once either way; the count is what
// writableCorked reports.
proto.cork = function cork() {
  this._corked = (this._corked || 0) + 1;
};
proto.uncork = function uncork() {
  if (this._corked) this._corked--;
};

proto.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (socket) => socket.setTimeout(msecs));
  return this;
};

// ==== The connection's socket: a net.Socket over C's connection ====

// C makes one socket object per connection (http_socket.c), with its `server`. Its
// prototype chain is lazyProto, then socketProto (C's methods and the stream hooks
// below), then net.Socket.prototype. Two things are put off until a program needs them:
//
// - The socket's state. A Duplex's state costs more than the rest of a connection
//   together, so it is made only when a program first touches the socket: lazyProto has
//   an accessor for each field net.Socket's constructor makes (SOCKET_FIELDS), and the
//   first use of any of them (which every stream or emitter method makes) materializes
//   the socket, which then leaves lazyProto for socketProto.
// - net itself. Loaded, net and its Duplex and Writable make the heap every collection
//   marks a sixth bigger, and a hello-world server 3-5% slower. Until something loads
//   net, socketProto sits on netLink, a Proxy that loads it for any name of net.Socket's
//   and Duplex's prototypes (SOCKET_METHODS) and answers the rest from Readable.prototype
//   (loaded with IncomingMessage), so that Readable's, Stream's and EventEmitter's
//   methods are found and instanceof answers for them (a Proxy, as one accessor per name
//   would cost a sixth of what net does). Whoever loads net first (the
//   program, or the first use of a socket) links socketProto to net.Socket.prototype
//   (internal/net's whenSocketLoaded). One question is answered wrongly meanwhile:
//   `req.socket instanceof stream.Duplex` says false while nothing has loaded net.
const SOCKET_FIELDS = [
  'connecting', '_hadError', '_handle', '_host', '_peername', '_sockname', '_pendingWrite',
  '_writeCb', '_shutdownCb', '_timer', '_refed', '_bytesRead', '_bytesDispatched', '_server',
  '_readableState', '_events', '_eventsCount', '_maxListeners', '_writableState',
  'allowHalfOpen',
];
const SOCKET_METHODS = [
  // net.Socket.prototype
  'constructor', '_attach', '_onread', '_ondrain', '_read', '_write', '_final', '_destroy',
  'destroySoon', 'resetAndDestroy', 'connect', '_connectTo', '_connectMultiple',
  '_nextAttempt', '_abandonHandle', 'setTimeout', '_clearTimer', '_touch', 'setNoDelay',
  'setKeepAlive', 'ref', 'unref', 'address', '_getName', 'remoteAddress', 'remoteFamily',
  'remotePort', 'localAddress', 'localFamily', 'localPort', 'pending', 'readyState',
  'bytesRead', 'bytesWritten', '_connecting',
  // Duplex.prototype (Writable's side)
  'write', 'cork', 'uncork', 'setDefaultEncoding', '_writev', 'end', 'writable',
  'writableFinished', 'writableObjectMode', 'writableBuffer', 'writableEnded',
  'writableNeedDrain', 'writableHighWaterMark', 'writableCorked', 'writableLength',
  'writableAborted', 'destroy', 'destroyed',
];
const socketProto = binding._socketPrototype;
const lazyProto = Object.create(socketProto);
const methodNames = new Set(SOCKET_METHODS);
const netLink = new Proxy(Object.create(Readable.prototype), {
  get(target, key, receiver) {
    if (!methodNames.has(key)) return Reflect.get(target, key, receiver);
    loadNet(); // net.Socket.prototype is socketProto's prototype from now on
    return Reflect.get(Socket.prototype, key, receiver);
  },
  set(target, key, value, receiver) {
    if (!methodNames.has(key)) return Reflect.set(target, key, value, receiver);
    loadNet();
    return Reflect.set(Socket.prototype, key, value, receiver);
  },
  has(target, key) {
    return methodNames.has(key) || Reflect.has(target, key);
  },
});
const setSocketPrototype = binding._setSocketPrototype;
let Socket = null;

// Each name of names, on proto, an accessor that first calls prepare(receiver).
function deferNames(proto, names, prepare) {
  for (const key of names) {
    Object.defineProperty(proto, key, {
      get() {
        prepare(this);
        return this[key];
      },
      set(value) {
        prepare(this);
        this[key] = value;
      },
      configurable: true,
    });
  }
}

function loadNet() {
  if (Socket === null) require('net'); // net.js calls whenSocketLoaded's callback
}

// The first connection's socket: C asks for lazyProto.
function prepareSockets() {
  deferNames(lazyProto, SOCKET_FIELDS, materialize);
  // Printing a socket shows its fields, as node's: it is materialized first (and then
  // printed as an ordinary object: it has left lazyProto and this hook).
  Object.defineProperty(lazyProto, Symbol.for('nodejs.util.inspect.custom'), {
    value(depth, options, inspect) {
      materialize(this);
      return inspect(this, { ...options, depth });
    },
    configurable: true,
  });
  setSocketPrototype(lazyProto);
}

// The two lists are written down, since net is not loaded to read them. They are
// proved when net loads (the prototypes' names) and when the first socket materializes
// (a probe's fields): a net.js that has changed makes every test with a socket fail.
function checkNames(names, objects) {
  for (const object of objects) {
    for (const key of Reflect.ownKeys(object)) {
      if (key !== 'server' && !names.includes(key)) {
        throw new Error(`tinynode internal: internal/http/server's lists miss ${String(key)}`);
      }
    }
  }
}

let fieldsChecked = false;

function checkFields() {
  fieldsChecked = true;
  const probe = Object.create(socketProto);
  Socket.call(probe, socketOptions);
  probe.on('error', noop);
  checkNames(SOCKET_FIELDS.concat([...Object.getOwnPropertySymbols(probe)]), [probe]);
}

// net.Socket's constructor gives the socket its Duplex state. It flows, as node's does
// (the server's own 'data' listener resumes it), and node's socketOnError is its first
// 'error' listener. What happened to the connection before is taken over, quietly
// (nobody could listen then): the peer's FIN ended the readable side, the server's end
// the writable one, a close destroyed it. C's _materialize says which (bits 1, 2, 4);
// an upgrade materializes the socket C has just handed over (known: 0, open).
const socketOptions = { allowHalfOpen: true };

function materialize(socket, known) {
  if (socket === lazyProto) return;
  loadNet();
  if (!fieldsChecked) checkFields();
  const status = socket._materialize();
  const server = socket.server;
  const hwm = socket.readableHighWaterMark; // C's: the server's when the connection came
  Object.setPrototypeOf(socket, socketProto);
  Socket.call(socket, hwm === 16384 ? socketOptions : { allowHalfOpen: true, highWaterMark: hwm });
  socket.server = socket._server = server;
  socket._readableState.flowing = true;
  socket.read(0); // as net.Socket's constructor does for a handle: _read has been asked
  socket.on('error', socketOnError);
  const now = known === undefined ? status : known;
  if (now & 1) {
    socket._readableState.ended = true;
    socket._readableState.endEmitted = true;
  }
  if (now & 2) markEnded(socket);
  if (now & 4) socket.destroy();
}

// The server ended the connection (node's socket.end() or destroySoon()): the writable
// side is over, so a later write fails as node's does.
function markEnded(socket) {
  const state = socket._writableState;
  if (state.ending) return;
  state.ending = true;
  state.ended = true;
  state.finished = true;
}

// node's socketOnError: 'clientError' on the server if anyone listens, else the socket is
// destroyed; later errors are ignored.
function socketOnError(err) {
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);
  if (!this.server.emit('clientError', err, this)) this.destroy(err);
}

function noop() {}

// A parse error or a slow request, when the server listens for 'clientError' (C has
// checked): node's error, through socketOnError. The peer's EOF in the middle of a
// request is found by node's socketOnEnd, so its listeners hear it after 'end', and
// its error has neither the reason in the message nor rawPacket.
function clientError(socket, code, reason, bytesParsed, rawPacket) {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socketOnError.call(socket, errors.makeError(0, code, 'Request timeout'));
    return;
  }
  const err = new Error(rawPacket ? `Parse Error: ${reason}` : 'Parse Error');
  err.bytesParsed = bytesParsed;
  err.code = code;
  err.reason = reason;
  if (rawPacket) {
    err.rawPacket = rawPacket;
    socketOnError.call(socket, err);
  } else {
    if (!socket._readableState.ended) socketEnded(socket); // materialized just now
    process.nextTick(() => socketOnError.call(socket, err));
  }
}

// These three are C's for a live socket only.
// The peer sent FIN: the readable side ends ('end' follows, as net's onStreamRead).
function socketEnded(socket) {
  socket.push(null);
  socket.read(0);
}

// The connection is closing (C has already let go of it): the stream is destroyed, so
// that what the request and response hear next sees a destroyed socket (its writable
// side ended first if the server had ended the connection). Then 'close'.
function socketClosing(socket) {
  if (!socket.destroyed) socket.destroy();
}

function socketClosingEnded(socket) {
  markEnded(socket);
  socketClosing(socket);
}

function socketClosed(socket) {
  socket.emit('close', socket._hadError);
}

// The Duplex's hooks: the bytes are C's. The parser reads the connection, so _read has
// nothing to do; a write goes on the wire after what is queued (its callback waits for
// the queue to drain: C calls net's _ondrain); _final sends FIN (its callback waits for
// the queue and the FIN to go out) and _destroy closes.
socketProto._read = function _read() {};

socketProto._write = function _write(chunk, encoding, cb) {
  const queued = this._writeRaw(chunk);
  if (queued < 0) cb(errors.makeError(0, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  else if (queued === 0) cb();
  else this._writeCb = cb;
};

socketProto._final = function _final(cb) {
  this._shutdownCb = cb;
  if (!this._shutdown()) { // C has ended the connection already
    this._shutdownCb = null;
    process.nextTick(cb);
  }
};

socketProto._destroy = function _destroy(err, cb) {
  this._hadError = !!err;
  this._close();
  cb(err);
};

// node's server socket refuses an encoding: its bytes are HTTP's.
socketProto.setEncoding = function setEncoding() {
  throw errors.makeError(0, 'ERR_HTTP_SOCKET_ENCODING',
    'Changing the socket encoding is not allowed per RFC7230 Section 3.');
};

// A 'data' or 'readable' listener hears the bytes read from now on (node unconsumes its
// parser for one).
for (const name of ['on', 'addListener', 'prependListener']) {
  socketProto[name] = function (event, listener) {
    if (event === 'data' || event === 'readable') this._tap();
    loadNet();
    return Socket.prototype[name].call(this, event, listener);
  };
}

// setTimeout: net's, on the connection's own clock (C's).
socketProto.setTimeout = function setTimeout(msecs, callback) {
  return setSocketTimeout(this, msecs, callback, (ms) => this._setIdle(ms));
};

// Node 20's `await using server`: close(), as a promise (rejected when not running).
binding._serverPrototype[Symbol.asyncDispose] = async function () {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// socketProto's own methods are made; it now hears whoever loads net (at once if loaded).
Object.setPrototypeOf(socketProto, netLink);
whenSocketLoaded((NetSocket) => {
  Socket = NetSocket;
  checkNames(SOCKET_METHODS, [Socket.prototype, Object.getPrototypeOf(Socket.prototype)]);
  Object.setPrototypeOf(socketProto, Socket.prototype);
});

binding._setHooks({
  makeRequest, responseDone, abortRequest, socketTimeout, mergeHeaders, upgradeRequest,
  prepareSockets, socketEnded, socketClosing, socketClosingEnded, socketClosed, clientError,
  serverOptions,
});

module.exports = { IncomingMessage, ServerResponse };
