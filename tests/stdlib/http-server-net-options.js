'use strict';
// The options node's http.Server keeps beside its own: noDelay, keepAlive,
// keepAliveInitialDelay and highWaterMark (what net.Server is given; allowHalfOpen and
// pauseOnConnect are fixed), insecureHTTPParser false, a request class, uniqueHeaders,
// and Cookie arrays joined as node joins them. (insecureHTTPParser: true and a response
// class tinynode refuses: http-server-refused-options.js.)
const http = require('http');
const net = require('net');

const keys = ['insecureHTTPParser', 'allowHalfOpen', 'pauseOnConnect', 'noDelay', 'keepAlive',
  'keepAliveInitialDelay', 'highWaterMark', 'httpAllowHalfOpen'];
const show = (label, s) => console.log(label, keys.map((k) => `${k}=${s[k]}`).join(' '));
show('default', http.createServer());
show('given', http.createServer({ keepAlive: true, keepAliveInitialDelay: 2500, noDelay: false,
  insecureHTTPParser: false, highWaterMark: 1024, allowHalfOpen: false, pauseOnConnect: true }));
for (const o of [{ highWaterMark: -1 }, { highWaterMark: 1.5 }, { highWaterMark: Infinity },
  { keepAliveInitialDelay: -5000 }, { keepAliveInitialDelay: Infinity }, { noDelay: 0 },
  { noDelay: null }, { keepAlive: 'y' }, { uniqueHeaders: 'x' }, { IncomingMessage: 5 },
  { highWaterMark: null }, { highWaterMark: 'x' }, { keepAliveInitialDelay: null },
  { insecureHTTPParser: 1 }, { uniqueHeaders: [1] }]) {
  try {
    const s = http.createServer(o);
    console.log(JSON.stringify(o), s.highWaterMark, s.keepAliveInitialDelay, s.noDelay, s.keepAlive);
  } catch (e) {
    console.log(JSON.stringify(o), e.name, e.code, e.message);
  }
}

// A request class of one's own, the server's highWaterMark on the request, the response
// and the socket, and uniqueHeaders.
class Request extends http.IncomingMessage {
  constructor(socket) {
    super(socket);
    this.madeBy = 'Request';
  }
}
const server = http.createServer({ IncomingMessage: Request, highWaterMark: 100, uniqueHeaders: ['X-Uniq', 'set-cookie'] },
  (req, res) => {
    console.log(req instanceof Request, req.madeBy, req.readableHighWaterMark, res.writableHighWaterMark,
      req.socket.readableHighWaterMark, req.socket.writableHighWaterMark);
    res.setHeader('x-uniq', ['a', 'b']);
    res.setHeader('x-multi', ['c', 'd']);
    res.setHeader('Cookie', ['e=1', 'f=2']);
    res.setHeader('cookie2', ['e=1', 'f=2']);
    res.setHeader('Set-Cookie', ['g=1', 'h=2']);
    res.appendHeader('x-uniq', ['i', 'j']);
    res.writeHead(200, { 'X-UNIQ2': ['z', 'y'], 'Cookie-Jar': [1, 2] });
    console.log(res.write('x'.repeat(99)), res.write('y'));
    res.end();
  });
server.listen(0, () => {
  const c = net.connect(server.address().port, () => c.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', () => {
    console.log(got.replace(/Date: .*\r\n/, '').replace(/x{99}/, 'x * 99'));
    server.close();
  });
});
