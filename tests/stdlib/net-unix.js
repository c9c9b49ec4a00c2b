// Unix sockets: listen(path), connect(path), address(), the path removed at close;
// EPIPE writing to a peer that has gone, ECONNRESET from a reset, EADDRINUSE on a path.
const net = require('net');
const path = `/tmp/tinynode-net-unix-${process.pid}.sock`;
const show = (label, e) => console.log(label, e.message.replace(path, 'PATH'), e.errno, e.code, e.syscall, e.address === path ? 'PATH' : e.address);

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  console.log('server: connection', sock.remoteAddress, sock.localAddress, sock.remotePort);
  sock.setEncoding('utf8');
  sock.on('data', (d) => console.log('server: data', d));
  sock.on('end', () => {
    console.log('server: end');
    sock.end('reply');
  });
  sock.on('close', () => console.log('server: close'));
});
server.listen(path, () => {
  console.log('address', server.address() === path);
  const other = net.createServer();
  other.on('error', (e) => {
    show('inuse', e);
    const client = net.connect({ path, allowHalfOpen: true }, () => {
      console.log('client: connect', client.remoteAddress, client.readyState);
      client.end('request');
    });
    client.on('data', (d) => console.log('client: data', d.toString()));
    client.on('end', () => console.log('client: end', client.readyState));
    client.on('close', () => {
      console.log('client: close');
      epipe();
    });
  });
  other.listen(path);
});

// The server goes away; writing to it again is EPIPE.
function epipe() {
  server.once('connection', (sock) => sock.destroy());
  const client = net.connect(path);
  client.on('end', () => {
    console.log('epipe: end', client.readyState);
    client.write('more', (err) => console.log('epipe: write callback', err && err.code));
  });
  client.on('error', (e) => show('epipe', e));
  client.on('close', (hadError) => {
    console.log('epipe: close', hadError);
    server.close(() => {
      console.log('closed', require('fs').existsSync ? 'x' : 'x');
      const late = net.connect(path);
      late.on('error', (e) => show('gone', e));
    });
  });
}
