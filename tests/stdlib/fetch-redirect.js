// fetch-redirect: fetch's redirects: followed (r.redirected, r.url), 303 turning a POST
// into a GET, 307 keeping the body (and failing with a streamed one), 'manual' and
// 'error'. The limit of 20 redirects: fetch-redirect-limit.js.
const { serve } = require('./fetch/server.js');

async function main(base) {
  let r = await fetch(`${base}/to?n=2`);
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
}

serve(main);
