'use strict';
// A request's socket looked at only after its connection has gone (tinynode makes a
// socket's stream state when it is first used): it reads as node's does then, whether the
// client closed the connection or the server did, and whether or not the socket was
// used while it was open. (Node's server also puts listeners of its own on each socket;
// tinynode's only its 'error' one, so listenerCount differs and is not shown.)
const http = require('http');
const net = require('net');

const kept = [];
const server = http.createServer((req, res) => {
  kept.push([req.url, req.socket]);
  if (req.url === '/used') req.socket.on('close', (hadError) => console.log('close heard', hadError));
  if (req.url === '/close') res.setHeader('Connection', 'close');
  res.end('ok');
});

function request(path, { keepOpen = false } = {}) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, () => c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    c.on('data', () => { if (!keepOpen) c.end(); });
    c.on('close', resolve);
  });
}

server.listen(0, async () => {
  await request('/untouched');
  await request('/used');
  await request('/close');
  server.close(() => {
    for (const [url, s] of kept) {
      console.log(url, s instanceof net.Socket, s.destroyed, s.readyState, s.readable, s.writable,
        s.bytesRead, s.bytesWritten > 0, s.remoteAddress);
    }
    const s = kept[0][1];
    s.on('close', () => console.log('never'));
    s.write('late', (err) => console.log('late write:', err && err.code));
    s.on('error', (e) => console.log('error', e.code));
  });
});
