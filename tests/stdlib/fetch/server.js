// The server the fetch-*.js tests fetch from, in their own process: serve(main) starts it
// on a free port, runs main(base) and closes it.
const http = require('http');

// (The query is read with a regular expression: the URL parser is slow under GC stress.)
const handler = (req, res) => {
  const [pathname, query = ''] = req.url.split('?');
  const param = (name, otherwise) => Number((new RegExp(`${name}=(\\d+)`).exec(query) || [])[1] || otherwise);
  if (pathname === '/hello') {
    res.setHeader('x-one', 'a');
    res.setHeader('Set-Cookie', ['s=1', 't=2']);
    return res.end('hello world');
  }
  if (pathname === '/json') return res.writeHead(404, 'Nope', { 'content-type': 'application/json' }).end('{"error":"missing"}');
  if (pathname === '/chunks') {
    res.write('one,');
    return setImmediate(() => { res.write('two,'); setImmediate(() => res.end('three')); });
  }
  if (pathname === '/echo') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    return req.on('end', () => res.end(JSON.stringify({
      method: req.method, url: req.url, body: Buffer.concat(chunks).toString(),
      type: req.headers['content-type'] || null, length: req.headers['content-length'] || null,
      chunked: req.headers['transfer-encoding'] || null, custom: req.headers['x-custom'] || null,
    })));
  }
  if (pathname === '/to') {
    const n = param('n', 0);
    const status = param('status', 302);
    res.writeHead(status, { location: n > 0 ? `/to?n=${n - 1}&status=${status}` : '/echo' });
    return res.end();
  }
  if (pathname === '/hang') return res.write('partial');
  if (pathname === '/empty') return res.writeHead(204).end();
  res.writeHead(500).end();
};

function serve(main) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60000; // slow runs (GC stress) leave seconds between requests
  server.listen(0, '127.0.0.1', () => {
    main(`http://127.0.0.1:${server.address().port}`).then(() => server.close());
  });
}

module.exports = { serve };
