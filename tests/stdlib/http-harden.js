// A server for http-harden.sh: large responses, slow and half-closing clients, and
// node's timeouts set small (it is not a golden test by itself). headersTimeout and
// requestTimeout stay long until GET /strict shortens them, so that a server slowed
// down (by a sanitizer, a busy machine) never times out the requests of the other tests.
const http = require('http');
const options = {
  headersTimeout: 60000,
  requestTimeout: 120000,
  keepAliveTimeout: 1, // the socket closes 1 s + 1 ms after a response
  connectionsCheckingInterval: 100,
};
const server = http.createServer(options, (req, res) => {
  if (req.url === '/big') {
    const piece = 'x'.repeat(1 << 20);
    for (let i = 0; i < 30; i++) res.write(piece);
    return res.end();
  }
  if (req.url === '/mb') return res.end('y'.repeat(1 << 20));
  if (req.url === '/strict') { // read at every check, so assigning them works at once
    server.headersTimeout = 500;
    server.requestTimeout = 1000;
    return res.end('strict');
  }
  if (req.url === '/drain') { // 30 MB again, waiting for 'drain' whenever write() says so
    const piece = 'z'.repeat(1 << 20);
    let left = 30;
    const pump = () => {
      while (left-- > 0) if (!res.write(piece)) return res.once('drain', pump);
      res.end();
    };
    return pump();
  }
  if (req.url === '/log') {
    for (const name of ['data', 'end', 'aborted', 'close']) {
      req.on(name, (d) => console.log(`event: req ${name}${d ? ' ' + d.length : ''}`));
    }
    req.on('error', (e) => console.log(`event: req error ${e.message} ${e.code}`));
    res.on('close', () => console.log('event: res close'));
    if (req.method === 'GET') return; // never answered: the client leaves first
    return req.on('end', () => res.end('posted')); // never: the client leaves first
  }
  if (req.method === 'POST') {
    req.on('data', () => {}); // in node a request's body flows only once it is read
    return req.on('end', () => res.end('posted'));
  }
  res.end('hello');
});
server.listen(3000, () => console.log('Server running at http://localhost:3000'));
