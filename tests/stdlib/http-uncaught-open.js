// An uncaught error while a server listens, one connection waits for the rest of its
// response and another is silent: node's report and exit status, and (under make asan)
// nothing of the server or its connections is leaked at exit.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => { res.write('x'); setTimeout(() => { throw new Error('boom'); }, 20); });
server.listen(0, () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  const d = net.connect(server.address().port, '127.0.0.1');
});
