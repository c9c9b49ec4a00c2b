// The server's request is a Readable (http.IncomingMessage) and its response a legacy
// Stream (http.ServerResponse): pipe, pipeline, for await, 'readable'/read(), the
// headers' rules for repeated names, a body nobody reads, end()/write() callbacks and
// encodings, req.socket, and a request the server destroys.
const http = require('http');
const stream = require('stream');
const log = (...a) => console.log(...a);

function upper() {
  return new stream.Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
}

const routes = {
  '/plain'(req, res) {
    log(req instanceof http.IncomingMessage, req instanceof stream.Readable,
        res instanceof http.ServerResponse, res instanceof stream.Stream, res instanceof stream.Writable);
    log(req.constructor.name, res.constructor.name, req.socket === res.socket, req.connection === req.socket,
        res.connection === res.socket, res.req === req);
    log(req.socket.remoteAddress === req.socket.localAddress, typeof req.socket.remotePort,
        req.socket.localPort === server.address().port, req.socket.destroyed, req.socket.writable);
    const { host, ...headers } = req.headers;
    log(headers, req.rawHeaders.length, req.httpVersion, req.method, req.complete, req.readable);
    log(res.writable, res.destroyed, res.writableEnded, res.writableFinished, res.writableLength);
    req.on('end', () => log('end (read by the server once the response ended)'));
    req.on('close', () => log('req close', req.complete, req.destroyed));
    res.on('finish', () => log('res finish', res.socket));
    res.on('close', () => log('res close', res.destroyed));
    res.end('ok', () => log('end callback', res.writableFinished));
    log('after end', res.writableEnded);
  },
  '/pipe'(req, res) {
    const chunks = [];
    const sink = new stream.Writable({ write(c, e, cb) { chunks.push(c); cb(); } });
    req.pipe(sink).on('finish', () => {
      log('piped', Buffer.concat(chunks).toString(), req.complete);
      res.write('a', () => log('write callback'));
      res.end(Buffer.from('b'));
    });
  },
  async '/await'(req, res) {
    let body = '';
    req.setEncoding('utf8');
    for await (const c of req) body += c;
    log('awaited', JSON.stringify(body), req.complete);
    res.end('aGVsbG8=', 'base64');
  },
  '/pipeline'(req, res) {
    stream.pipeline(req, upper(), res, (err) => log('pipeline done', err));
  },
  '/readable'(req, res) {
    let s = '';
    req.on('readable', () => {
      let c;
      while ((c = req.read()) !== null) s += c;
    });
    req.on('end', () => {
      log('read', s);
      req.pipe(res); // already ended: only 'end' reaches res
    });
  },
  '/destroy'(req, res) {
    req.on('aborted', () => log('aborted', req.aborted));
    req.on('error', (e) => log('req error', e.message));
    req.on('close', () => log('req close', req.destroyed));
    res.on('close', () => log('res close'));
    req.destroy(new Error('no thanks'));
  },
};

const server = http.createServer((req, res) => routes[req.url](req, res));

function request(path, body, headers) {
  return new Promise((resolve) => {
    const r = http.request({ port: server.address().port, path, method: body ? 'POST' : 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        log('client got', res.statusCode, text);
        resolve();
      });
    });
    r.on('error', (e) => {
      log('client error', e.code, e.message);
      resolve();
    });
    if (body) r.end(body);
    else r.end();
  });
}

server.listen(0, async () => {
  await request('/plain', null, {
    'Set-Cookie': ['a=1', 'b=2'], 'X-Dup': ['1', '2'], Cookie: ['c=1', 'd=2'],
    'Content-Type': ['text/plain', 'text/html'],
  });
  await request('/pipe', 'hello body');
  await request('/await', 'héllo await');
  await request('/pipeline', 'to upper');
  await request('/readable', 'read me');
  await request('/destroy', 'unread');
  server.close();
});
