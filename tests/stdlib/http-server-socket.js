'use strict';
// req.socket and res.socket are a net.Socket: a Duplex over the connection, the same
// object in 'connection', in every request on it and in 'upgrade'; raw writes go on the
// wire, end() half-closes, destroy(err) reaches 'clientError'.
const http = require('http');
const net = require('net');

const scenarios = [];
let seen = null;

const server = http.createServer((req, res) => scenarios[0].handle(req, res));
server.on('connection', (socket) => {
  seen = socket;
  console.log('connection', socket instanceof net.Socket, socket.readyState, socket.listenerCount('error'));
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err.message, socket === seen);
});

// Sends the requests on one connection, then ends it (unless endAfter is null); resolves
// with what came back once both ends have closed.
function client(requests, { endAfter = 40 } = {}) {
  let serverClosed;
  const serverSide = new Promise((resolve) => { serverClosed = resolve; });
  server.once('connection', (socket) => socket.on('close', serverClosed));
  const clientSide = new Promise((resolve) => {
    const c = net.connect(server.address().port, () => {
      let delay = 0;
      for (const r of requests) {
        setTimeout(() => c.write(r), delay);
        delay += 20;
      }
      if (endAfter !== null) setTimeout(() => c.end(), delay + endAfter);
    });
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('close', () => resolve(got.replace(/Date: .*\r\n/g, '')));
  });
  return Promise.all([clientSide, serverSide]).then(([got]) => got);
}

const get = (url) => `GET ${url} HTTP/1.1\r\nHost: x\r\n\r\n`;

scenarios.push({
  name: 'the surface',
  requests: [get('/a'), get('/b')],
  handle(req, res) {
    const s = req.socket;
    console.log(req.url, s === seen, s === res.socket, s === req.connection, s.constructor.name);
    console.log(' ', s.readyState, s.pending, s.connecting, s.readable, s.writable, s.destroyed);
    console.log(' ', s.bytesRead, s.bytesWritten, s.allowHalfOpen, s.readableFlowing, s.isPaused());
    console.log(' ', s.server === server, s.remoteFamily, typeof s.remotePort, s.localPort === server.address().port);
    console.log(' ', ['write', 'end', 'pipe', 'cork', 'uncork', 'setNoDelay', 'ref', 'unref', 'destroySoon']
      .map((m) => typeof s[m]).join(' '));
    try {
      s.setEncoding('utf8');
    } catch (e) {
      console.log(' ', e.code, e.message);
    }
    res.on('finish', () => console.log('  finish', s.bytesWritten));
    res.end('hello');
  },
});

scenarios.push({
  name: 'raw bytes, end, then the peer ends',
  requests: [get('/raw')],
  endAfter: null,
  handle(req, res) {
    const s = req.socket;
    const r = s.write('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nraw', () => console.log('  write cb'));
    console.log('  write', r, s.bytesWritten, s.writableLength);
    s.end(() => console.log('  end cb'));
    console.log('  after end', s.readyState, s.writable, s.writableEnded, s.destroyed);
    s.on('finish', () => console.log('  socket finish', s.readyState));
    s.on('end', () => console.log('  socket end', s.readyState, s.destroyed));
    s.on('close', (hadError) => console.log('  socket close', hadError, s.readyState, s.bytesWritten));
    req.on('aborted', () => console.log('  req aborted'));
    req.on('error', (e) => console.log('  req error', e.message));
    res.on('close', () => console.log('  res close'));
    req.on('close', () => console.log('  req close'));
  },
});

scenarios.push({
  name: "a 'data' listener hears what follows",
  requests: [get('/1'), get('/2')],
  handle(req, res) {
    const s = req.socket;
    if (req.url === '/1') s.on('data', (d) => console.log('  data', JSON.stringify(String(d))));
    console.log('  request', req.url);
    res.end('x');
  },
});

scenarios.push({
  name: 'destroy with an error',
  requests: [get('/boom')],
  handle(req, res) {
    const s = req.socket;
    s.on('error', (e) => console.log('  socket error', e.message));
    s.on('close', (hadError) => console.log('  socket close', hadError, s.destroyed));
    s.destroy(new Error('boom'));
    console.log('  destroyed', s.destroyed, s.readyState);
  },
});

server.on('upgrade', (req, socket, head) => {
  console.log('  upgrade', socket === seen, socket === req.socket, socket instanceof net.Socket, head.length);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => socket.end(`echo ${d}`));
  socket.on('close', () => console.log('  upgraded socket close', socket.bytesRead, socket.bytesWritten));
  socket.write(`head ${head}\n`);
});

scenarios.push({
  name: 'upgrade keeps the socket',
  requests: ['GET /up HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nhi', 'there'],
  endAfter: null,
  handle() {},
});

server.listen(0, async () => {
  while (scenarios.length) {
    const s = scenarios[0];
    console.log(`== ${s.name}`);
    const got = await client(s.requests, { endAfter: s.endAfter === undefined ? 40 : s.endAfter });
    console.log('client got', JSON.stringify(got));
    scenarios.shift();
  }
  server.close(() => console.log('closed'));
});
