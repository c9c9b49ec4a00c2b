// http's server loads net only when something needs it (internal/http/server.js): a
// socket asked first for a method of net.Socket's (nothing had loaded net), then for its
// Duplex's.
const http = require('http');
const server = http.createServer((req, res) => {
  const socket = req.socket;
  console.log(typeof socket.setNoDelay, socket.setNoDelay(true) === socket);
  console.log(socket.bytesWritten >= 0, typeof socket.remotePort);
  socket.foo = 1;
  socket.cork();
  res.end('ok', () => console.log('sent', socket.writableCorked));
  socket.uncork();
});
server.listen(0, () => {
  http.get({ port: server.address().port, agent: false }, (res) => {
    res.resume();
    res.on('end', () => server.close(() => console.log('closed')));
  });
});
