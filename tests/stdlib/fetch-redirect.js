// fetch-redirect: fetch's redirects (follow, 303 to GET, 307 keeping the body, manual,
// error), aborts before the response and inside the body, and its "fetch failed" errors
// (a scheme it cannot fetch, a bad port, connection refused, with the cause). The limit of
// 20 redirects: fetch-redirect-limit.js.
const http = require('http');

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/hello') {
    res.setHeader('x-one', 'a');
    res.setHeader('Set-Cookie', ['s=1', 't=2']);
    return res.end('hello world');
  }
  if (url.pathname === '/json') return res.writeHead(404, 'Nope', { 'content-type': 'application/json' }).end('{"error":"missing"}');
  if (url.pathname === '/chunks') {
    res.write('one,');
    return setImmediate(() => { res.write('two,'); setImmediate(() => res.end('three')); });
  }
  if (url.pathname === '/echo') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    return req.on('end', () => res.end(JSON.stringify({
      method: req.method, url: req.url, body: Buffer.concat(chunks).toString(),
      type: req.headers['content-type'] || null, length: req.headers['content-length'] || null,
      chunked: req.headers['transfer-encoding'] || null, custom: req.headers['x-custom'] || null,
    })));
  }
  if (url.pathname === '/to') {
    const n = Number(url.searchParams.get('n') || 0);
    const status = Number(url.searchParams.get('status') || 302);
    res.writeHead(status, { location: n > 0 ? `/to?n=${n - 1}&status=${status}` : '/echo' });
    return res.end();
  }
  if (url.pathname === '/hang') return res.write('partial');
  if (url.pathname === '/empty') return res.writeHead(204).end();
  res.writeHead(500).end();
});

async function main(base) {
  let r;
  // Redirects.
  r = await fetch(`${base}/to?n=2`);
  console.log('follow', r.status, r.redirected, r.url === `${base}/echo`, (await r.json()).method);
  r = await fetch(`${base}/to?n=0&status=303`, { method: 'POST', body: 'dropped' });
  console.log('303', await r.json());
  r = await fetch(`${base}/to?n=0&status=307`, { method: 'POST', body: 'kept' });
  console.log('307', await r.json());
  const once = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('gone')); c.close(); } });
  try { await fetch(`${base}/to?n=0&status=307`, { method: 'POST', body: once, duplex: 'half' }); } catch (e) { console.log('307 with a stream:', e.name, e.message, '-', e.cause.message); }
  r = await fetch(`${base}/to`, { redirect: 'manual' });
  console.log('manual', r.status, r.redirected, r.headers.get('location'));
  try { await fetch(`${base}/to`, { redirect: 'error' }); } catch (e) { console.log(e.name, e.message, '-', e.cause.message); }


  // Aborts: before the response, and while the body is being read.
  const early = new AbortController();
  early.abort();
  try { await fetch(`${base}/hello`, { signal: early.signal }); } catch (e) { console.log(e.name, e.message, e instanceof DOMException); }
  const late = new AbortController();
  r = await fetch(`${base}/hang`, { signal: late.signal });
  const hanging = r.body.getReader();
  console.log('partial', new TextDecoder().decode((await hanging.read()).value));
  late.abort(new Error('stop'));
  try { await hanging.read(); } catch (e) { console.log('body aborted', e.message); }
  const timed = new AbortController();
  const pending = fetch(`${base}/hang`, { signal: timed.signal }).then((res) => res.text());
  setImmediate(() => timed.abort());
  try { await pending; } catch (e) { console.log(e.name, e.message); }

  // What cannot be fetched.
  for (const url of ['ftp://example.com/', 'http://127.0.0.1:1/']) {
    try { await fetch(url); } catch (e) { console.log(e.name, e.message, '-', e.cause.message); }
  }
  // https: node speaks TLS; tinynode has none, and its cause says so (not printed here).
  for (const url of ['https://127.0.0.1:9/', 'not a url']) {
    try { await fetch(url); } catch (e) { console.log(e.name, e.message, e.cause instanceof Error); }
  }
}

server.keepAliveTimeout = 60000; // slow runs (GC stress) leave seconds between requests
server.listen(0, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  main(base).then(() => {
    server.close();
    // A port nobody listens on: ECONNREFUSED, in the cause.
    const closed = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = closed.address();
      closed.close(() => fetch(`http://127.0.0.1:${port}/`).catch((e) => {
        const c = e.cause;
        console.log(e.name, e.message, c.name, c.message === `connect ECONNREFUSED 127.0.0.1:${port}`, c.code, c.syscall, c.errno, c.address, c.port === port);
      }));
    });
  });
});
