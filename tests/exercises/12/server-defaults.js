// Exercise 12.7: the server settings node exposes before any connection, with node's
// defaults, and http.maxHeaderSize, the parser's limit on a request's head.
const http = require('http');
const server = http.createServer();
console.log(server.maxHeadersCount, server.timeout, server.maxRequestsPerSocket);
console.log(server.headersTimeout, server.requestTimeout, server.keepAliveTimeout);
console.log(http.maxHeaderSize);
const other = http.createServer({ maxHeaderSize: 100 });
console.log(other.maxHeadersCount, other.timeout);
