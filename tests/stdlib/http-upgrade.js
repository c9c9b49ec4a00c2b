// Leaving HTTP: a server's 'upgrade' and 'connect' get the request, the connection as
// a net.Socket and the bytes that came after the head; the client's 'upgrade' and
// 'connect' get the response and the socket. With nobody listening, an Upgrade request
// is an ordinary one (req.upgrade false) and a CONNECT's socket is destroyed.
const http = require('http');
const net = require('net');

function echoOn(socket) {
  socket.on('data', (d) => socket.write(`echo:${d}`));
  socket.on('end', () => socket.end());
}

const server = http.createServer((req, res) => {
  console.log('request', req.url, req.upgrade, req.headers.upgrade);
  res.end('plain');
});

const steps = [
  // A raw client: the 101 the listener writes, then the new protocol on the socket.
  (port, next) => {
    const c = net.connect(port, '127.0.0.1');
    let got = '';
    c.on('data', (d) => {
      got += d;
      if (got.includes('echo:two')) c.end();
    });
    c.on('close', () => {
      console.log(JSON.stringify(got));
      next();
    });
    c.write('GET /chat HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\none');
    c.once('data', () => c.write('two'));
  },
  // http.request with Upgrade: the client's 'upgrade'.
  (port, next) => {
    const req = http.request({ port, host: '127.0.0.1', path: '/up', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
    req.on('upgrade', (res, socket, head) => {
      console.log('client upgrade', res.statusCode, res.headers.upgrade, res.upgrade, JSON.stringify(String(head)));
      socket.once('data', (d) => {
        console.log('client got', String(d));
        socket.end();
      });
      socket.write('ping');
      socket.on('close', next);
    });
    req.on('close', () => console.log('client request close', req.destroyed));
    req.end();
  },
  // CONNECT, both sides.
  (port, next) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'CONNECT', path: 'example.com:443' });
    req.on('connect', (res, socket, head) => {
      console.log('client connect', res.statusCode, JSON.stringify(String(head)));
      socket.end('bye');
      socket.on('data', (d) => console.log('client got', String(d)));
      socket.on('close', next);
    });
    req.end();
  },
  // An Upgrade header without an 'upgrade' listener is an ordinary request.
  (port, next) => {
    server.removeAllListeners('upgrade');
    http.get({ port, host: '127.0.0.1', path: '/plain', headers: { Connection: 'Upgrade', Upgrade: 'echo' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => console.log('plain body', d, res.upgrade));
      res.on('end', next);
    });
  },
  // CONNECT without a 'connect' listener: the socket is destroyed.
  (port, next) => {
    server.removeAllListeners('connect');
    const c = net.connect(port, '127.0.0.1');
    c.on('data', (d) => console.log('unexpected', String(d)));
    c.on('close', () => {
      console.log('connect without listener: closed');
      next();
    });
    c.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
  },
];

server.on('upgrade', (req, socket, head) => {
  console.log('upgrade', req.url, req.upgrade, req.headers.upgrade, JSON.stringify(String(head)),
    socket instanceof net.Socket, req.socket === socket);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  if (head.length) socket.write(`echo:${head}`);
  echoOn(socket);
});
server.on('connect', (req, socket, head) => {
  console.log('connect', req.method, req.url, JSON.stringify(String(head)));
  socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  echoOn(socket);
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  (function run(i) {
    if (i < steps.length) steps[i](port, () => run(i + 1));
    else server.close(() => console.log('server closed'));
  })(0);
});
