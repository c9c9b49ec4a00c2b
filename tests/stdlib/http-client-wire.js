// What the client puts on the wire and how it reads what comes back, byte for byte:
// the request heads node writes (Host, Connection, Content-Length or chunked), and
// responses framed by length, by chunks, by the connection's end, after a 100, or broken.
const net = require('net');
const http = require('http');

const replies = [
  'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A: 1\r\nx-a: 2\r\nSet-Cookie: a\r\nset-cookie: b\r\nContent-Type: x\r\nContent-Type: y\r\nCookie: c\r\ncookie: d\r\n\r\nok',
  'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n',
  'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes',
  'HTTP/1.0 200 OK\r\n\r\nuntil the end',
  'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  'HTP/1.1 200 OK\r\n\r\n',
];
let n = 0;
const server = net.createServer((s) => {
  let buf = '';
  s.on('data', (d) => {
    buf += d;
    if (!buf.includes('\r\n\r\n')) return;
    const head = buf.slice(0, buf.indexOf('\r\n\r\n'));
    const body = buf.slice(buf.indexOf('\r\n\r\n') + 4);
    if (/chunked/.test(head) && !body.endsWith('0\r\n\r\n')) return;
    const length = /Content-Length: (\d+)/.exec(head);
    if (length && body.length < +length[1]) return;
    console.log('wire:', JSON.stringify(buf.replace(/:\d+\r\n/, ':PORT\r\n')));
    buf = '';
    const reply = replies[n++];
    if (reply.startsWith('HTTP/1.0')) s.end(reply);
    else s.write(reply);
  });
  s.on('error', () => {});
});

function show(res) {
  return new Promise((resolve) => {
    const chunks = [];
    res.on('data', (d) => chunks.push(d));
    res.on('end', () => {
      console.log(res.statusCode, JSON.stringify(res.statusMessage), res.httpVersion, JSON.stringify(Buffer.concat(chunks).toString()));
      console.log(' headers', JSON.stringify(res.headers), 'trailers', JSON.stringify(res.trailers));
      console.log(' raw', JSON.stringify(res.rawHeaders));
      resolve();
    });
  });
}

function send(options, body, writes) {
  return new Promise((resolve) => {
    const req = http.request(options, (res) => show(res).then(resolve));
    req.on('information', (info) => console.log('information', info.statusCode, info.statusMessage));
    req.on('error', (e) => {
      console.log('error', e.name, e.code, e.message, e.reason);
      resolve();
    });
    for (const w of writes || []) req.write(w);
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port, host = '127.0.0.1';
  await send(`http://${host}:${port}/a?b=1`);
  await send({ port, host, method: 'post', path: '/p', headers: { 'X-Custom': 'v', 'Content-Type': 'text/plain' } }, 'body');
  await send({ port, host, method: 'PUT', headers: ['X-Many', '1', 'X-Many', '2'] }, 'end', ['one', 'two']);
  await send({ port, host, path: '/old', agent: false, auth: 'user:pass', setHost: false });
  await send({ port, host, method: 'DELETE', headers: { host: 'example.com', connection: 'close' } }, 'x');
  await send({ port, host, agent: false });
  server.close();
});
