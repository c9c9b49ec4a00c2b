'use strict';
// internal/http/server: the server's JavaScript half. The server is C
// (stdlib/node/http/): it parses each request, makes its IncomingMessage through
// makeRequest, pushes the body into it, and calls responseDone when the response has
// ended and abortRequest when the connection goes first. Book: chapter 12, "Networking".

const Stream = require('internal/streams/legacy');
const binding = require('internal/http');
const { IncomingMessage, dumpUnread } = require('internal/http/incoming');
const { connResetException } = require('internal/http/common');
const { validateTimeout } = require('internal/net');

// A request: a Readable of Buffers, with the head's fields. Its headers object is made
// from rawHeaders when first read (from the first headerPairs entries only, when C
// says the server's maxHeadersCount cuts them).
function makeRequest(socket, method, url, major, minor, rawHeaders, headerPairs) {
  const req = new IncomingMessage(socket);
  if (headerPairs !== undefined) req._headerPairs = headerPairs;
  req.httpVersionMajor = major;
  req.httpVersionMinor = minor;
  req.httpVersion = `${major}.${minor}`;
  req.rawHeaders = rawHeaders;
  req.url = url;
  req.method = method;
  return req;
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

binding._setHooks({ makeRequest, responseDone, abortRequest, socketTimeout });

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
// The Writable-like state node's OutgoingMessage reports; the bytes are C's, queued on
// the socket, so nothing is ever held here.
const writableState = {
  writableFinished() { return this.finished; },
  writableLength() { return 0; },
  writableHighWaterMark() { return 16384; },
  writableCorked() { return 0; },
  writableObjectMode() { return false; },
  writableNeedDrain() { return false; },
};
for (const name of Object.keys(writableState)) {
  Object.defineProperty(ServerResponse.prototype, name, { get: writableState[name], configurable: true });
}
Object.setPrototypeOf(ServerResponse.prototype, Stream.prototype);

ServerResponse.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (socket) => socket.setTimeout(msecs));
  return this;
};

// The connection's socket: net's setTimeout, on the connection's own clock (C's).
binding._socketPrototype.setTimeout = function setTimeout(msecs, callback) {
  validateTimeout(msecs, callback);
  this.timeout = msecs;
  this._setIdle(msecs);
  if (msecs === 0) {
    if (callback) this.removeListener('timeout', callback);
  } else if (callback) {
    this.once('timeout', callback);
  }
  return this;
};

module.exports = { IncomingMessage, ServerResponse };
