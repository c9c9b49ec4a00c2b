// node's system errors from sockets: ECONNREFUSED, EADDRINUSE, ENOTFOUND, ECONNRESET,
// EPIPE, and the argument errors of connect and listen.
const net = require('net');
const show = (label, e) => {
  const props = {};
  for (const k of Object.keys(e)) props[k] = e[k];
  console.log(label, e.name, e.message, JSON.stringify(props));
};

const steps = [
  (next) => {
    const c = net.connect(1, '127.0.0.1');
    c.on('error', (e) => show('refused', e));
    c.on('close', (hadError) => { console.log('refused close', hadError, c.destroyed); next(); });
  },
  (next) => {
    const c = net.connect({ port: 1, host: 'nosuch.invalid' });
    c.on('lookup', (err, address, family, host) => console.log('lookup', err && err.code, address, family, host));
    c.on('error', (e) => show('notfound', e));
    c.on('close', (hadError) => { console.log('notfound close', hadError); next(); });
  },
  (next) => {
    const a = net.createServer().listen(0, '127.0.0.1', () => {
      const port = a.address().port;
      const b = net.createServer();
      b.on('error', (e) => {
        show('inuse', { message: e.message.replace(String(port), 'PORT'), name: e.name, code: e.code, errno: e.errno, syscall: e.syscall, address: e.address });
        console.log('inuse port', e.port === port, b.listening, b.address());
        a.close(next);
      });
      b.listen(port, '127.0.0.1');
    });
  },
  (next) => {
    // The server resets the connection: the client reads ECONNRESET.
    const s = net.createServer((sock) => {
      sock.on('data', () => {
        sock.resetAndDestroy ? sock.destroy() : sock.destroy();
      });
    });
    s.listen(0, () => {
      const c = net.connect(s.address().port, () => c.write('x'));
      c.on('error', (e) => show('reset', e));
      c.on('end', () => console.log('reset end'));
      c.on('close', (hadError) => { console.log('reset close'); s.close(next); });
    });
  },
  (next) => {
    for (const bad of [-1, 65536, '70000', 1.5, true, {}]) {
      try {
        net.connect(bad);
      } catch (e) {
        console.log('connect', JSON.stringify(bad), e.name, e.code, e.message);
      }
    }
    for (const bad of [-1, 65536, 1.5]) {
      try {
        net.createServer().listen(bad);
      } catch (e) {
        console.log('listen', JSON.stringify(bad), e.name, e.code, e.message);
      }
    }
    try {
      net.createServer().listen({});
    } catch (e) {
      console.log('listen {}', e.name, e.code, e.message);
    }
    try {
      net.connect({});
    } catch (e) {
      console.log('connect {}', e.name, e.code, e.message);
    }
    const s = net.createServer();
    s.close((err) => { console.log('close not running', err.code, err.message); next(); });
  },
  (next) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      try { s.listen(0); } catch (e) { console.log('twice', e.code, e.message); }
      s.close(next);
    });
  },
];
(function run(i) { if (i < steps.length) steps[i](() => run(i + 1)); else console.log('done'); })(0);
