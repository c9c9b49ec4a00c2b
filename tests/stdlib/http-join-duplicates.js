// Repeated headers: node's rules for req.headers (set-cookie an array, cookie joined with
// '; ', the first-only names such as host and content-type keeping their first value, the
// rest joined with ', '), joinDuplicateHeaders (server and client) joining the first-only
// names too, and headersDistinct/trailersDistinct (every value, as arrays).
const http = require('http');
const net = require('net');
const util = require('util');

// The client's own requests carry a Host with the port, which changes from run to run.
const show = (...values) => console.log(values.map((v) => (typeof v === 'string' ? v : util.inspect(v)))
  .join(' ').replace(/localhost:\d+/g, 'localhost:PORT'));

const head = 'POST / HTTP/1.1\r\nHost: a\r\nHost: b\r\nUser-Agent: x\r\nUser-Agent: y\r\n' +
  'Set-Cookie: 1\r\nSet-Cookie: 2\r\nCookie: c=1\r\nCookie: d=2\r\nX-Y: 1\r\nX-Y: 2\r\n' +
  'Content-Type: t1\r\nContent-Type: t2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
  '0\r\nX-T: 1\r\nX-T: 2\r\nExpires: e1\r\nExpires: e2\r\n\r\n';

function run(opts, done) {
  const server = http.createServer(opts, (req, res) => {
    console.log(JSON.stringify(opts), 'server.joinDuplicateHeaders:', server.joinDuplicateHeaders,
      'req.joinDuplicateHeaders:', req.joinDuplicateHeaders);
    show(req.headers);
    show(req.headersDistinct);
    req.resume();
    req.on('end', () => {
      show(req.trailers, req.trailersDistinct);
      res.setHeader('X-Z', ['1', '2']);
      res.setHeader('Content-Type', 'a');
      res.appendHeader('Content-Type', 'b');
      res.end('ok');
    });
  });
  server.listen(0, () => {
    const c = net.connect(server.address().port, () => c.write(head));
    c.resume();
    c.on('close', () => {
      const req = http.get({ port: server.address().port, joinDuplicateHeaders: opts.joinDuplicateHeaders }, (res) => {
        console.log('client', res.joinDuplicateHeaders, res.headers['x-z'], res.headers['content-type'],
          res.headersDistinct['content-type']);
        res.resume();
        res.on('end', () => { server.close(); done(); });
      });
      console.log('request.joinDuplicateHeaders:', req.joinDuplicateHeaders);
    });
  });
}

for (const bad of [1, 'yes', null]) {
  try { http.createServer({ joinDuplicateHeaders: bad }); } catch (e) { console.log(e.code, e.message); }
  try { http.request({ joinDuplicateHeaders: bad, port: 1 }); } catch (e) { console.log(e.code, e.message); }
}
const d = Object.getOwnPropertyDescriptor(http.IncomingMessage.prototype, 'headersDistinct');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
run({}, () => run({ joinDuplicateHeaders: true }, () => run({ joinDuplicateHeaders: false }, () => {})));
