'use strict';
// http: the server (internal/http, written in C: stdlib/node/http/, with its JavaScript
// half in internal/http/server) and the client (internal/http/client, loaded only when
// a script first touches it). Book: chapter 12, "Networking".

const http = require('internal/http');
const { IncomingMessage, ServerResponse } = require('internal/http/server');

// http.Server: servers are made in C (createServer); the constructor makes one the same
// way, with the prototype of the class being constructed (`class S extends http.Server`).
const serverPrototype = http._serverPrototype;
function Server(options, requestListener) {
  const server = Reflect.apply(http.createServer, http, arguments); // as called: (listener) too
  if (new.target && new.target !== Server) Object.setPrototypeOf(server, new.target.prototype);
  return server;
}
Server.prototype = serverPrototype;
Object.defineProperty(serverPrototype, 'constructor', {
  value: Server, writable: true, enumerable: false, configurable: true,
});
http.Server = Server;

delete http._setHooks;
delete http._responsePrototype;
delete http._socketPrototype;
delete http._setSocketPrototype;
delete http._serverPrototype;
http.IncomingMessage = IncomingMessage;
http.ServerResponse = ServerResponse;
http.maxHeaderSize = 16384; // node's --max-http-header-size, which tinynode does not take

const clientNames = ['Agent', 'ClientRequest', 'globalAgent', 'get', 'request'];
for (const name of clientNames) {
  Object.defineProperty(http, name, {
    get() {
      const value = require('internal/http/client')[name];
      Object.defineProperty(http, name, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(http, name, { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = http;
