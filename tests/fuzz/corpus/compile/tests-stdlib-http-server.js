// A server exercising response framing as Node does it (see http-server.sh, which runs
// this file; it is not a golden test by itself).
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/plain') return res.end('hello');
  if (req.url === '/empty') return res.end();
  if (req.url === '/404') {
    res.statusCode = 404;
    return res.end('nope');
  }
  if (req.url === '/write') {
    res.setHeader('content-type', 'text/html');
    res.write('a');
    res.write('bc');
    return res.end();
  }
  if (req.url === '/204') {
    res.writeHead(204);
    return res.end();
  }
  if (req.url === '/multi') {
    res.setHeader('X-Multi', ['one', 'two']);
    return res.end('m');
  }
  if (req.url === '/echo') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => res.end(`${req.method} ${body} ${req.headers['content-length']}`));
    return;
  }
  res.writeHead(200, 'Fine', { 'Content-Length': 3 });
  res.end('abc');
});
server.listen(3000, () => console.log('Server running at http://localhost:3000'));
