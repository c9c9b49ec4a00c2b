'use strict';
// internal/http/server: the server's JavaScript half. The server is C
// (stdlib/node/http/): it parses each request, makes its IncomingMessage through
// makeRequest, pushes the body into it, and calls responseDone when the response has
// ended and abortRequest when the connection goes first. Book: chapter 12, "Networking".

const Stream = require('internal/streams/legacy');
const binding = require('internal/http');
const { IncomingMessage, dumpUnread } = require('internal/http/incoming');
const { connResetException } = require('internal/http/common');

// A request: a Readable of Buffers, with the head's fields. Its headers object is made
// from rawHeaders when first read.
function makeRequest(socket, method, url, major, minor, rawHeaders) {
  const req = new IncomingMessage(socket);
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

binding._setHooks({ makeRequest, responseDone, abortRequest });

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

// The connection's socket: what C does not answer.
binding._socketPrototype.setTimeout = function setTimeout() {
  throw new Error("setTimeout on an http server's socket is not supported by tinynode");
};

module.exports = { IncomingMessage, ServerResponse };
