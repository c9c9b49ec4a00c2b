// A request body streamed with pipe() and a response piped onward: backpressure through
// write()'s answer and 'drain' on the request; the server reads Buffers (or strings
// after setEncoding); res.setEncoding on the client; the request's timeout option.
const http = require('http');
const { Readable, Writable } = require('stream');

const server = http.createServer((req, res) => {
  let bytes = 0, kinds = new Set();
  req.on('data', (d) => {
    bytes += d.length;
    kinds.add(Buffer.isBuffer(d) ? 'Buffer' : typeof d);
  });
  req.on('end', () => {
    res.setHeader('Content-Type', 'text/plain');
    for (let i = 0; i < 4; i++) res.write(`line ${i} of ${bytes} bytes (${[...kinds]})\n`);
    res.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const total = 256 * 1024;
  let made = 0;
  const source = new Readable({
    read() {
      if (made >= total) return this.push(null);
      made += 16384;
      this.push(Buffer.alloc(16384, 'z'));
    },
  });
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/upload', timeout: 5000 }, (res) => {
    console.log('response', res.statusCode, res.headers['content-type'], res.headers['transfer-encoding']);
    res.setEncoding('utf8');
    let out = '';
    res.pipe(new Writable({
      write(chunk, enc, cb) {
        out += chunk;
        cb();
      },
      final(cb) {
        console.log(out.trim());
        console.log('pipe done', req.writableEnded, req.writableFinished);
        cb();
        server.close(() => console.log('closed'));
      },
    }));
  });
  req.on('finish', () => console.log('request finished'));
  req.on('timeout', () => console.log('timeout (never)'));
  console.log('timeout option', req.timeout);
  source.pipe(req);
});
