'use strict';
// A server listening for 'clientError' hears node's error for a malformed request, a
// request cut short by the peer's EOF and a request too slow to arrive, with the socket,
// and answers them itself (the example of node's documentation). Without listeners the
// replies are node's own (http-hostile.sh). bytesParsed is printed only as a number:
// llhttp's offsets within a bad line differ from the offsets of tinynode's parser.
const http = require('http');
const net = require('net');

const server = http.createServer({ headersTimeout: 300, requestTimeout: 500, connectionsCheckingInterval: 100 },
  (req, res) => res.end('ok'));
server.on('clientError', (err, socket) => {
  console.log(' ', err.name, JSON.stringify(err.message), err.code, err.reason, typeof err.bytesParsed,
    err.rawPacket && err.rawPacket.toString('latin1').slice(0, 12), Object.keys(err));
  console.log(' ', socket instanceof net.Socket, socket.writable, socket.destroyed, socket.readyState);
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.destroy();
  else socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
});

const cases = [
  ['a bad method', 'BAD\x01 / HTTP/1.1\r\n\r\n', false],
  ['two Content-Lengths', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', false],
  ['a bad header after a good request', 'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nBad Header\r\n\r\n', false],
  ['a head too large', `GET / HTTP/1.1\r\nX: ${'a'.repeat(20000)}\r\n\r\n`, false],
  ['EOF inside a body', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab', true],
  ['EOF after an HTTP/0.9 line', 'GET /\r\n', true],
  ['a head that never ends', 'GET / HTTP/1.1\r\nHost: x\r\n', false],
];

server.listen(0, async () => {
  for (const [name, bytes, end] of cases) {
    console.log(name);
    await new Promise((resolve) => {
      const s = net.connect(server.address().port, () => {
        s.write(bytes);
        if (end) s.end();
      });
      let got = '';
      s.on('data', (d) => { got += d; });
      s.on('close', () => {
        console.log(' ', JSON.stringify(got.replace(/Date: .*\r\n/, '')));
        resolve();
      });
    });
  }
  server.close();
});
