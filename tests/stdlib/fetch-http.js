// fetch-http: fetch against an http server in the same process: status and headers,
// bodies as text, JSON and streams (async iteration, a reader), request bodies of every
// kind, 204 and HEAD. (Redirects, aborts and errors: fetch-redirect.js.)
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
  let r = await fetch(`${base}/hello`);
  console.log(r.status, r.statusText, r.ok, r.type, r.url === `${base}/hello`, r.redirected);
  console.log(r.headers.get('x-one'), r.headers.getSetCookie(), r.headers.get('content-length'));
  console.log(await r.text(), r.bodyUsed);
  try { r.headers.set('x', 'y'); } catch (e) { console.log(e.message); }

  r = await fetch(new URL('/json', base));
  console.log(r.status, r.statusText, r.ok, await r.json());

  r = await fetch(`${base}/chunks`);
  const seen = [];
  for await (const chunk of r.body) seen.push(chunk.constructor.name + ':' + new TextDecoder().decode(chunk));
  console.log(seen.join(' ').replace(/Uint8Array:/g, '').split(' ').join(''));
  r = await fetch(`${base}/chunks`);
  const reader = r.body.getReader();
  let text = '';
  for (let step = await reader.read(); !step.done; step = await reader.read()) text += new TextDecoder().decode(step.value);
  console.log('reader', text);

  // Request bodies: a string, JSON with its own header, URLSearchParams, bytes, a stream.
  const echo = async (init) => (await fetch(`${base}/echo`, init)).json();
  console.log(await echo({ method: 'POST', body: 'plain' }));
  console.log(await echo({ method: 'PUT', body: JSON.stringify({ a: 1 }), headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' } }));
  console.log(await echo({ method: 'POST', body: new URLSearchParams({ q: 'a b' }) }));
  console.log(await echo({ method: 'POST', body: new Uint8Array([104, 105]) }));
  console.log(await echo({ method: 'DELETE' }));
  console.log(await echo({ method: 'PUT' }));
  const streamed = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('str')); c.enqueue(new TextEncoder().encode('eamed')); c.close(); } });
  console.log(await echo({ method: 'POST', body: streamed, duplex: 'half' }));
  console.log(await echo(new Request(`${base}/echo`, { method: 'POST', body: 'from a Request' })));

  r = await fetch(`${base}/empty`);
  console.log('204', r.status, r.body, await r.text());
  r = await fetch(`${base}/hello`, { method: 'HEAD' });
  console.log('HEAD', r.status, r.body, r.headers.get('content-length'));

}

server.keepAliveTimeout = 60000; // slow runs (GC stress) leave seconds between requests
server.listen(0, '127.0.0.1', () => {
  main(`http://127.0.0.1:${server.address().port}`).then(() => server.close());
});
