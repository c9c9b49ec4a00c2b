// Exercise 12.7: http.OutgoingMessage, the class node's ServerResponse inherits from,
// between it and the legacy Stream.
const http = require('http');
const Stream = require('stream');
const { OutgoingMessage, ServerResponse } = http;
console.log(typeof OutgoingMessage, OutgoingMessage.name);
console.log(Object.getPrototypeOf(ServerResponse.prototype) === OutgoingMessage.prototype);
console.log(Object.getPrototypeOf(OutgoingMessage.prototype) === Stream.prototype);
console.log(OutgoingMessage.prototype.constructor === OutgoingMessage);
const server = http.createServer((req, res) => {
  console.log(res instanceof OutgoingMessage, res instanceof ServerResponse, res instanceof Stream);
  res.end();
  server.close();
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (r) => r.resume());
});
