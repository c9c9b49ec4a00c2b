// The close phase runs newest first (libuv's closing handles are a stack): sockets the
// server side closed in the poll phase hear 'close' before the client sockets a timer
// destroyed, and those in the reverse of their destroy() order; net.Server's 'close'
// comes first, on the tick after its last connection was destroyed.
const net = require('net');
const server = net.createServer((s) => { s.on('close', () => console.log('server side close')); });
server.listen(0, () => {
  const port = server.address().port;
  let n = 0;
  const socks = ['a', 'b', 'c'].map((name) => {
    const s = net.connect(port, '127.0.0.1', () => { if (++n === 3) go(); });
    s.on('close', () => console.log('close', name));
    return s;
  });
  function go() {
    setTimeout(() => {
      socks.forEach((s) => s.destroy());
      const t = setInterval(() => {}, 1000); t.unref();
      server.close(() => console.log('server closed'));
    }, 20);
  }
});
