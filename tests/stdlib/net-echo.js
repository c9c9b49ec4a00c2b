// A TCP echo server and a client in one script: events in order, Buffers, addresses.
const net = require('net');
const log = (...a) => console.log(...a);

const server = net.createServer((sock) => {
  log('server: connection', sock.remoteAddress, typeof sock.remotePort, sock.remoteFamily, sock.readyState);
  log('server: local', sock.localAddress, sock.localPort === server.address().port);
  sock.on('data', (d) => {
    log('server: data', d, Buffer.isBuffer(d));
    sock.write(d);
  });
  sock.on('end', () => {
    log('server: end', sock.readyState);
    sock.end('bye');
  });
  sock.on('finish', () => log('server: finish'));
  sock.on('close', (hadError) => {
    log('server: close', hadError, sock.bytesRead, sock.bytesWritten);
    server.close(() => log('server: closed'));
  });
});
server.on('listening', () => log('listening', server.listening, typeof server.address().port));
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  log('address', addr.address, addr.family);
  const client = net.connect(addr.port, '127.0.0.1');
  log('client: connecting', client.connecting, client.readyState, client.pending);
  client.on('connect', () => log('client: connect', client.readyState, client.remoteAddress, client.remotePort === addr.port));
  client.on('ready', () => log('client: ready'));
  client.setEncoding('utf8');
  const got = [];
  client.on('data', (d) => {
    got.push(d);
    log('client: data', JSON.stringify(d));
    if (got.join('') === 'hello') client.end();
  });
  client.on('end', () => log('client: end', got.join('')));
  client.on('finish', () => log('client: finish', client.readyState));
  client.on('close', (hadError) => log('client: close', hadError, client.bytesRead, client.bytesWritten, client.readyState, client.destroyed));
  client.write('hello', () => log('client: write callback'));
});
