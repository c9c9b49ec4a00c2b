// Sockets as streams: backpressure ('drain'), pause/resume, pipe, setTimeout, IPv6,
// resetAndDestroy (ECONNRESET), getConnections, maxConnections ('drop'), unref.
const net = require('net');
const steps = [];
const step = (fn) => steps.push(fn);

step((next) => {
  // Writes to a reader that does not read fill the kernel's buffers, then the socket's:
  // write() says false; 'drain' comes once the reader resumes.
  const chunk = Buffer.alloc(1024, 'a');
  let resume;
  const server = net.createServer((sock) => {
    sock.pause();
    let total = 0;
    sock.on('data', (d) => { total += d.length; });
    sock.on('end', () => {
      console.log('server got all', total === sock.bytesRead, total % 1024);
      sock.end();
    });
    resume = () => sock.resume();
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.on('connect', () => {
      let writes = 0;
      while (writes < 100000 && c.write(chunk)) writes++;
      console.log('write returned false', writes < 100000, writes > 0, c.writableLength > 0, c.writableNeedDrain);
      c.once('drain', () => {
        console.log('drain', c.writableLength, c.bytesWritten === (writes + 1) * 1024);
        c.end();
      });
      resume();
    });
    c.on('close', () => server.close(next));
    c.resume();
  });
});

step((next) => {
  // IPv6 loopback, a pipe from one socket into another, setTimeout.
  const server = net.createServer((sock) => sock.pipe(sock));
  server.listen(0, '::1', () => {
    const a = server.address();
    console.log('v6', a.address, a.family);
    const c = net.connect({ port: a.port, host: '::1' }, () => {
      console.log('v6 client', c.remoteAddress, c.remoteFamily, c.localAddress);
      c.end('echo me');
    });
    c.setTimeout(5000, () => console.log('never'));
    console.log('timeout', c.timeout);
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', () => {
      console.log('v6 echoed', got);
      c.setTimeout(0);
    });
    c.on('close', () => server.close(next));
  });
});

step((next) => {
  // An idle socket times out; 'timeout' does not close it.
  const server = net.createServer((sock) => {
    sock.on('end', () => sock.end());
  });
  server.listen(0, () => {
    const c = net.connect(server.address().port);
    c.setTimeout(50);
    c.on('timeout', () => {
      console.log('timeout fired', c.readyState);
      c.end();
    });
    c.on('close', () => server.close(next));
  });
});

step((next) => {
  // The peer resets: read ECONNRESET.
  const server = net.createServer((sock) => sock.resetAndDestroy());
  server.listen(0, () => {
    const c = net.connect(server.address().port);
    c.on('error', (e) => console.log('reset', e.errno, e.code));
    c.on('close', (hadError) => {
      console.log('reset close', hadError);
      server.close(next);
    });
  });
});

step((next) => {
  // maxConnections: the second connection is dropped; getConnections counts.
  const server = net.createServer((sock) => {
    server.getConnections((err, n) => console.log('connections', err, n));
  });
  server.maxConnections = 1;
  server.on('drop', (d) => console.log('drop', d.localAddress, d.remoteFamily, typeof d.remotePort));
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    const a = net.connect(port, '127.0.0.1', () => {
      const b = net.connect(port, '127.0.0.1');
      b.on('end', () => console.log('b end'));
      b.on('error', (e) => console.log('b error', e.code));
      b.on('close', () => {
        console.log('b close');
        a.destroy();
        server.close(() => {
          console.log('server close');
          next();
        });
      });
    });
  });
});

step((next) => {
  // An unref'd server does not keep the process alive.
  const server = net.createServer();
  server.listen(0, () => {
    server.unref();
    console.log('unref', server.listening);
    next();
  });
});

(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else console.log('done');
})(0);
process.on('exit', () => console.log('exit'));
