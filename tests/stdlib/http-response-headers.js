// A ServerResponse's header API as node's OutgoingMessage has it: values kept as given
// (getHeader returns the number or array that was set), getHeaders/getHeaderNames/
// getRawHeaderNames, appendHeader, setHeaders, node's errors; writeHead with an object,
// a flat array or pairs (joining setHeader's headers only when there are some);
// flushHeaders; addTrailers after a chunked body; 102 and 103 interim responses. The
// wire is read by a raw client.
const http = require('http');
const net = require('net');

const tryIt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.code}: ${e.message}`;
  }
};

const routes = {
  '/values'(req, res) {
    res.setHeader('X-Num', 5);
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    console.log(res.setHeader('Content-Type', 'text/plain') === res);
    res.appendHeader('set-cookie', 'c=3');
    res.appendHeader('X-New', ['p', 'q']);
    console.log(res.getHeader('x-num'), res.getHeader('SET-COOKIE'), res.getHeader('nope'));
    console.log(res.getHeaders(), res.getHeaderNames(), res.getRawHeaderNames());
    console.log(res.hasHeader('x-num'), res.hasHeader('x-none'));
    res.removeHeader('X-NUM');
    console.log(res.hasHeader('x-num'), tryIt(() => res.getHeader(5)));
    console.log(tryIt(() => res.setHeader('bad name', 'x')), '|', tryIt(() => res.setHeader('x', 'a\nb')),
      '|', tryIt(() => res.setHeader('x')));
    res.end('v');
    console.log(tryIt(() => res.setHeader('late', 'x')), '|', tryIt(() => res.removeHeader('late')),
      '|', tryIt(() => res.appendHeader('late', 'x')));
  },
  '/setheaders'(req, res) {
    res.setHeaders(new Map([['X-M', '1'], ['set-cookie', ['x=1', 'y=2']]]));
    console.log(res.getHeaders(), tryIt(() => res.setHeaders({ a: 1 })));
    res.end();
  },
  '/object'(req, res) {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-A': [1, 2] });
    console.log('object', res.getHeader('content-type'), res.getHeaders(), res.headersSent);
    res.end('o');
  },
  '/merge'(req, res) {
    res.setHeader('X-B', 'b');
    res.setHeader('Content-Type', 'text/html');
    res.writeHead(201, 'Yes', { 'Content-Type': 'text/css' });
    console.log('merge', res.getHeaders());
    res.end();
  },
  '/flat'(req, res) {
    res.writeHead(200, ['X-A', '1', 'X-A', '2', 'Content-Type', 'text/plain']);
    res.end();
  },
  '/pairs'(req, res) {
    res.writeHead(200, [['X-A', '1'], ['X-A', '2']]);
    console.log('pairs', res.getHeaders());
    res.end();
  },
  '/merge-flat'(req, res) {
    res.setHeader('X-A', '0');
    res.setHeader('X-Keep', 'k');
    res.writeHead(200, ['X-A', '1', 'X-A', '2', 'X-B', '3']);
    console.log('merge-flat', res.getHeaders());
    res.end();
  },
  '/odd'(req, res) {
    console.log(tryIt(() => res.writeHead(200, ['X-A'])));
    res.end();
  },
  '/trailers'(req, res) {
    res.writeHead(200, { Trailer: 'X-T' });
    res.write('a');
    res.addTrailers({ 'X-T': 'v', 'X-U': ['1', '2'] });
    res.end('b');
  },
  '/interim'(req, res) {
    res.writeProcessing();
    res.writeEarlyHints({ link: '</styles.css>; rel=preload; as=style', 'x-hint': 'a' });
    res.writeEarlyHints({ Link: '</a.js>; rel=preload' }); // node reads only `link`
    for (const hints of [{ link: 'bad' }, { link: ['</a>; rel=preload', 'nope'] }, { link: '' }, 'x']) {
      console.log(tryIt(() => res.writeEarlyHints(hints)));
    }
    res.end('i');
  },
  '/flush'(req, res) {
    res.setHeader('X-F', 'f');
    res.flushHeaders();
    console.log('flushed', res.headersSent);
    res.end('late body');
  },
};

const server = http.createServer((req, res) => routes[req.url](req, res));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.on('data', (d) => (got += d));
  c.on('end', () => {
    console.log(got.replace(/Date: .*\r\n/g, '').split('\r\n'));
    server.close();
  });
  const paths = Object.keys(routes);
  c.write(paths.map((p, i) => `GET ${p} HTTP/1.1\r\nHost: x\r\n${i === paths.length - 1 ? 'Connection: close\r\n' : ''}\r\n`).join(''));
});
