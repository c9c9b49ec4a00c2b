// Exercise 12.8: node's http.Server extends net.Server: its prototype's prototype is
// net.Server.prototype, the constructor's is net.Server, and every server is a net.Server.
const http = require('http');
const net = require('net');
console.log(Object.getPrototypeOf(http.Server.prototype) === net.Server.prototype);
console.log(Object.getPrototypeOf(http.Server) === net.Server);
const s = http.createServer((req, res) => res.end('ok'));
console.log(s instanceof net.Server, s instanceof http.Server, s instanceof require('events'));
s.listen(0, '127.0.0.1', () => {
  http.get({ port: s.address().port, host: '127.0.0.1', agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('body', d, s.listening));
    res.on('end', () => s.close(() => console.log('closed', s.listening)));
  });
});
