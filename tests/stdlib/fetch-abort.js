// fetch-abort: aborts before the response and inside the body (the signal's reason), and
// the "fetch failed" errors with their cause: a scheme it cannot fetch, a bad port, https:
// (no TLS here), a bad URL, and connection refused (ECONNREFUSED) on a closed port.
const http = require('http');
const { serve } = require('./fetch/server.js');

async function main(base) {
  // Aborts: before the response, and while the body is being read.
  const early = new AbortController();
  early.abort();
  try { await fetch(`${base}/hello`, { signal: early.signal }); } catch (e) { console.log(e.name, e.message, e instanceof DOMException); }
  const late = new AbortController();
  const r = await fetch(`${base}/hang`, { signal: late.signal });
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

// Then a port nobody listens on: ECONNREFUSED, in the cause.
function refused() {
  const closed = http.createServer().listen(0, '127.0.0.1', () => {
    const { port } = closed.address();
    closed.close(() => fetch(`http://127.0.0.1:${port}/`).catch((e) => {
      const c = e.cause;
      console.log(e.name, e.message, c.name, c.message === `connect ECONNREFUSED 127.0.0.1:${port}`, c.code, c.syscall, c.errno, c.address, c.port === port);
    }));
  });
}

serve((base) => main(base).then(refused));
