// writeHead's status code as node checks it: `code | 0` from 100 to 999 (else a RangeError
// ERR_HTTP_INVALID_STATUS_CODE naming the code as util.format's %s does), nothing changed
// by a refused call; the same check when write, end or flushHeaders make the head from
// res.statusCode; ERR_HTTP_HEADERS_SENT for a second writeHead.
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/str') {
    res.statusCode = '201';
    res.end('a');
    console.log('str ->', res.statusCode, typeof res.statusCode);
  } else if (req.url === '/bad') {
    res.statusCode = 42;
    try { res.end('x'); } catch (e) { console.log('end', e.name, e.code, e.message); }
    try { res.write('x'); } catch (e) { console.log('write', e.code); }
    try { res.flushHeaders(); } catch (e) { console.log('flush', e.code); }
    res.statusCode = 204;
    res.end();
  } else if (req.url === '/refused') {
    for (const args of [[99, 'low'], [1000, 'high'], ['abc', 'str'], [{ toString() { return 'x'; } }],
      [[1, 2]], [200.7, 'frac'], [-1]]) {
      try {
        res.writeHead(...args);
        console.log('ok', res.statusCode, res.statusMessage);
      } catch (e) {
        console.log(e.name, e.code, e.message, res.statusCode, JSON.stringify(res.statusMessage));
      }
    }
    res.end();
  } else {
    res.writeHead(2 ** 32 + 200, 'wrapped');
    res.end();
  }
});
server.listen(0, async () => {
  for (const path of ['/str', '/bad', '/refused', '/']) {
    await new Promise((done) => http.get({ port: server.address().port, path }, (r) => {
      console.log(path, r.statusCode, r.statusMessage);
      r.resume();
      r.on('end', done);
    }));
  }
  server.close();
});
