// An http server socket's idle timeout (node's socket.setTimeout and socketOnTimeout):
// 'timeout' reaches the request, the response and the server; when none of them
// listens, the socket is destroyed. server.setTimeout sets it for new connections;
// maxRequestsPerSocket, maxHeaderSize, maxHeadersCount and requireHostHeader limit what
// a connection may send. Every response here waits for the event it shows, so no timing decides it.
const http = require('http');
const net = require('net');

// A raw client: sends `text`, prints the status lines it gets back (Date removed) and
// how the connection ended.
function raw(server, text, done) {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.on('data', (d) => (got += d));
  c.on('error', (e) => console.log('  client error', e.code));
  c.on('close', () => {
    const lines = got.split('\r\n').filter((l) => /^HTTP|^Connection|^Keep-Alive/.test(l));
    console.log('  client got', JSON.stringify(lines));
    done();
  });
  c.write(text);
  return c;
}

const steps = [
  // Nobody listens: the socket is destroyed, the request hears 'aborted'/'close'.
  (next) => {
    const server = http.createServer((req, res) => {
      req.socket.setTimeout(30, () => console.log('  socket timeout callback, destroyed:', req.socket.destroyed));
      console.log('  timeout set', req.socket.timeout);
      req.on('close', () => console.log('  req close'));
      res.on('close', () => console.log('  res close'));
    });
    server.listen(0, '127.0.0.1', () => {
      console.log('socket.setTimeout, nobody else listening');
      raw(server, 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n', () => server.close(next));
    });
  },
  // req.setTimeout with a callback: the request hears 'timeout' only while its body is
  // still coming (node's socketOnTimeout asks !req.complete); a complete one does not,
  // and nobody else listening, the socket is destroyed.
  (next) => {
    const server = http.createServer((req, res) => {
      const r = req.setTimeout(30, (socket) => {
        console.log('  req timeout', req.url, socket === req.socket, socket.destroyed);
        res.end('late');
      });
      console.log('  returns req', r === req, req.complete);
    });
    server.listen(0, '127.0.0.1', () => {
      console.log('req.setTimeout');
      raw(server, 'POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\nConnection: close\r\n\r\nhalf', () =>
        raw(server, 'GET /complete HTTP/1.1\r\nHost: x\r\n\r\n', () => server.close(next)));
    });
  },
  // res.setTimeout, and the server's own 'timeout' listener.
  (next) => {
    const server = http.createServer((req, res) => {
      console.log('  returns res', res.setTimeout(30) === res);
      res.on('timeout', (socket) => console.log('  res timeout', socket === res.socket));
      server.on('timeout', (socket) => {
        console.log('  server timeout', socket === req.socket);
        res.end('ok');
      });
    });
    server.listen(0, '127.0.0.1', () => {
      console.log('res.setTimeout');
      raw(server, 'GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', () => server.close(next));
    });
  },
  // server.setTimeout: a connection that sends nothing times out; the callback ends it.
  (next) => {
    const server = http.createServer(() => console.log('  no request expected'));
    console.log('server.setTimeout', server.timeout, server.setTimeout(30, (socket) => {
      console.log('  server timeout for a silent socket', typeof socket.destroy);
      socket.destroy();
    }) === server, server.timeout);
    server.listen(0, '127.0.0.1', () => raw(server, '', () => server.close(next)));
  },
  // maxRequestsPerSocket: "max=" in Keep-Alive, "Connection: close" on the last, then
  // 'dropRequest' and 503 for the rest, the connection still open.
  (next) => {
    const server = http.createServer((req, res) => res.end(req.url));
    console.log('maxRequestsPerSocket', server.maxRequestsPerSocket);
    server.maxRequestsPerSocket = 2;
    server.on('dropRequest', (req, socket) => console.log('  dropRequest', req.url, socket === req.socket));
    server.listen(0, '127.0.0.1', () => {
      let c;
      let seen = 0;
      server.on('request', () => {});
      c = raw(server, 'GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n' +
        'GET /3 HTTP/1.1\r\nHost: x\r\n\r\n', () => server.close(next));
      c.on('data', (d) => {
        seen += String(d).split('HTTP/1.1 ').length - 1;
        if (seen === 3) c.end();
      });
    });
  },
  // maxHeaderSize: 431 past the limit; maxHeadersCount: req.headers keeps the first.
  (next) => {
    const server = http.createServer({ maxHeaderSize: 100 }, (req, res) => {
      console.log('  headers', req.headers, req.rawHeaders.length);
      res.end();
    });
    console.log('maxHeaderSize', server.maxHeaderSize, http.maxHeaderSize, server.maxHeadersCount);
    server.maxHeadersCount = 2;
    server.listen(0, '127.0.0.1', () => {
      raw(server, 'GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nConnection: close\r\n\r\n', () => {
        raw(server, `GET / HTTP/1.1\r\nHost: x\r\nBig: ${'x'.repeat(100)}\r\n\r\n`, () => server.close(next));
      });
    });
  },
  // requireHostHeader: false lets an HTTP/1.1 request without Host through.
  (next) => {
    const server = http.createServer({ requireHostHeader: false }, (req, res) => res.end(String(req.headers.host)));
    server.listen(0, '127.0.0.1', () => {
      console.log('requireHostHeader false');
      raw(server, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', () => server.close(next));
    });
  },
];

(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
