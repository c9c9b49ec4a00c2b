// http.get and http.request against tinynode's own server: events in order, bodies as
// Buffers, Content-Length and chunked responses, headers, keep-alive reuse, HEAD, 204.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = [];
  req.on('data', (d) => body.push(d));
  req.on('end', () => {
    body = Buffer.concat(body).toString();
    if (req.url === '/chunked') {
      res.write('part one,');
      res.end(' part two');
    } else if (req.url === '/empty') {
      res.writeHead(204);
      res.end();
    } else {
      res.setHeader('X-Method', req.method);
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ url: req.url, method: req.method, body, te: req.headers['transfer-encoding'] || null, cl: req.headers['content-length'] || null }));
    }
  });
});

function collect(res, cb) {
  const chunks = [];
  res.on('data', (d) => chunks.push(d));
  res.on('end', () => cb(Buffer.concat(chunks).toString(), chunks.every(Buffer.isBuffer)));
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req = http.get(`http://127.0.0.1:${port}/hello?x=1`, (res) => {
    console.log('status', res.statusCode, res.statusMessage, res.httpVersion);
    console.log('headers', res.headers['content-length'], res.headers['x-method'], res.headers['set-cookie'], res.headers.connection);
    collect(res, (text, buffers) => {
      console.log('body', text, buffers, res.complete);
      post();
    });
  });
  req.on('socket', (s) => console.log('socket', typeof s.write, req.reusedSocket));
  req.on('finish', () => console.log('finish'));
  req.on('close', () => console.log('close'));

  function post() {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/post', headers: { 'Content-Type': 'text/plain' } }, (res) => {
      collect(res, (text) => {
        console.log('post', text, req.reusedSocket);
        chunked();
      });
    });
    console.log('headers', req.getHeader('content-type'), req.getHeaderNames(), req.hasHeader('host'));
    req.write('one ');
    req.write(Buffer.from('two '));
    req.end('three');
  }

  function chunked() {
    http.get({ port, host: '127.0.0.1', path: '/chunked' }, (res) => {
      console.log('chunked', res.headers['transfer-encoding']);
      collect(res, (text) => {
        console.log('chunked body', text);
        head();
      });
    });
  }

  function head() {
    http.request({ port, host: '127.0.0.1', method: 'HEAD', path: '/x' }, (res) => {
      console.log('head', res.statusCode, res.headers['content-length']);
      collect(res, (text) => {
        console.log('head body', JSON.stringify(text));
        empty();
      });
    }).end();
  }

  function empty() {
    http.get({ port, host: '127.0.0.1', path: '/empty', agent: false }, (res) => {
      console.log('204', res.statusCode, res.headers.connection);
      collect(res, (text) => {
        console.log('204 body', JSON.stringify(text));
        server.close(() => console.log('server closed'));
      });
    });
  }
});
