// The rest of the Socket and Server API: new Socket().connect, listen({port, host}),
// address(), the chaining setters, end before connect, destroySoon,
// a socket's state through its life.
const net = require('net');

const server = net.createServer({ pauseOnConnect: true }, (sock) => {
  console.log('server: paused', sock.isPaused());
  sock.setEncoding('latin1');
  sock.on('data', (d) => console.log('server: data', typeof d, JSON.stringify(d)));
  sock.on('end', () => console.log('server: end'));
  sock.resume();
});
server.listen({ port: 0, host: '127.0.0.1' }, () => {
  const port = server.address().port;
  const s = new net.Socket();
  console.log('fresh', s.readyState, s.pending, s.connecting, s.remoteAddress, JSON.stringify(s.address()));
  console.log('chain', s.setNoDelay() === s, s.setKeepAlive(true, 1000) === s, s.ref() === s, s.setTimeout(0) === s);
  s.connect({ port, host: '127.0.0.1' }, () => {
    const a = s.address();
    console.log('connected', s.readyState, s.pending, a.address, a.family, typeof a.port, s.localPort === a.port);
    s.write('\u00e9t\u00e9', 'latin1');
    s.end('!', () => console.log('client: end callback'));
  });
  s.on('error', (e) => console.log('client: error', e.code, e.message));
  s.on('finish', () => console.log('client: finish', s.readyState));
  s.on('close', (hadError) => {
    console.log('client: close', hadError, s.readyState, s.destroyed, s.remoteAddress);
    const t = net.connect(port, '127.0.0.1');
    t.end('early');
    t.on('close', () => {
      console.log('early close');
      const u = net.connect(port, '127.0.0.1', () => {
        u.destroySoon();
      });
      u.on('close', () => {
        console.log('destroySoon close', u.destroyed);
        server.close(() => console.log('server closed'));
      });
    });
  });
});
