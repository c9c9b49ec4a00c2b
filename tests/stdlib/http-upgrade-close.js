// server.getConnections counts the open connections, those an 'upgrade' took over
// included, and server.close() waits for an upgraded socket before 'close', as node's
// net server does.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => res.end('ok'));
server.on('upgrade', (req, socket) => {
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n');
  console.log('upgraded');
  server.close(() => console.log('server close event'));
  server.getConnections((e, n) => console.log('connections after close()', e, n));
  setTimeout(() => { console.log('ending upgraded socket'); socket.end(); }, 50);
});
server.listen(0, () => {
  const port = server.address().port;
  let kept;
  http.get({ port, agent: new http.Agent({ keepAlive: true }) }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('getConnections returns the server:', server.getConnections((e, n) => {
        console.log('connections with one kept alive', e, n);
        kept.destroy();
        const c = net.connect(port, () => c.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n'));
        c.on('data', () => {});
        c.on('end', () => { console.log('client end'); c.end(); });
        c.on('close', () => console.log('client close'));
      }) === server);
    });
  }).on('socket', (socket) => { kept = socket; });
});
