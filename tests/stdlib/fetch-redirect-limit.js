// fetch-redirect-limit: fetch follows 20 redirects and fails on the 21st with node's
// "redirect count exceeded" (41 requests: heavy under GC stress, see the .nostress file).
const http = require('http');

const server = http.createServer((req, res) => {
  const n = Number(new URL(req.url, 'http://x').searchParams.get('n'));
  if (n > 0) return res.writeHead(302, { location: `/?n=${n - 1}` }).end();
  res.end('arrived');
});

async function main(base) {
  const r = await fetch(`${base}/?n=20`);
  console.log('20 redirects:', r.status, r.redirected, r.url === `${base}/?n=0`, await r.text());
  try { await fetch(`${base}/?n=21`); } catch (e) { console.log('21 redirects:', e.name, e.message, '-', e.cause.message); }
}

server.keepAliveTimeout = 60000; // slow runs (GC stress) leave seconds between requests
server.listen(0, '127.0.0.1', () => {
  main(`http://127.0.0.1:${server.address().port}`).then(() => server.close());
});
