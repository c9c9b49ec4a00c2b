// fetch-http: fetch against an http server in the same process (fetch/server.js): status
// and headers, bodies as text, JSON and streams (async iteration, a reader), 204 and HEAD.
// Request bodies: fetch-body.js; redirects: fetch-redirect.js; aborts and errors: fetch-abort.js.
const { serve } = require('./fetch/server.js');

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

  r = await fetch(`${base}/empty`);
  console.log('204', r.status, r.body, await r.text());
  r = await fetch(`${base}/hello`, { method: 'HEAD' });
  console.log('HEAD', r.status, r.body, r.headers.get('content-length'));
}

serve(main);
