// server.closeIdleConnections() destroys only the sockets that neither receive a request
// (a silent new connection counts as receiving one) nor owe a response;
// closeAllConnections() destroys the rest. server.close() closes the idle ones too, and
// its 'close' waits for the last connection (emitted as soon as it is destroyed).
const http = require('http');
const net = require('net');

const closed = [];
let slowArrived;
const slowHeld = new Promise((resolve) => { slowArrived = resolve; });
const server = http.createServer((req, res) => {
  if (req.url === '/slow') {
    console.log('slow request held');
    slowArrived();
    res.on('close', () => console.log('held response: close, finished', res.finished));
    return;
  }
  res.end('ok');
});
console.log(typeof server.closeIdleConnections, typeof server.closeAllConnections);

function open(port, name, data) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      if (data) s.write(data);
      // The busy one is ready when the server holds its request; the partial and the
      // silent ones when the server has surely read what they sent (200 ms, however
      // loaded the machine).
      if (name === 'busy') slowHeld.then(resolve);
      else if (name !== 'idle') setTimeout(resolve, 200);
    });
    s.on('data', () => { if (name === 'idle') resolve(); });
    s.on('close', () => closed.push(name));
  });
}

server.listen(0, async () => {
  const port = server.address().port;
  await Promise.all([
    open(port, 'idle', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
    open(port, 'busy', 'GET /slow HTTP/1.1\r\nHost: x\r\n\r\n'),
    open(port, 'partial', 'GET / HTTP/1.1\r\nHo'),
    open(port, 'silent'),
  ]);
  console.log('closeIdleConnections() returns', server.closeIdleConnections());
  setTimeout(() => {
    console.log('closed by closeIdleConnections:', closed.join(' '));
    server.close(() => {
      console.log('server closed; client sockets closed so far:', closed.length);
      setTimeout(() => console.log('all closed:', closed.sort().join(' ')), 50);
    });
    console.log('close() leaves the active ones:', server.listening);
    setTimeout(() => {
      console.log('closed by close():', closed.length);
      console.log('closeAllConnections() returns', server.closeAllConnections());
    }, 50);
  }, 50);
});
