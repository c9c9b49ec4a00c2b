// fetch-classes: Headers, Request, Response, Blob, FormData and ReadableStream without the
// network: construction, node's errors, printing, bodies read as text/json/bytes/blob/stream.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, `${e.name}: ${e.message}`, e.code || ''); }
};

// Headers: case-insensitive, combined values, Set-Cookie kept apart, sorted iteration.
const h = new Headers({ a: '1', B: '2' });
h.append('A', '3');
h.append('set-cookie', 'x=1');
h.append('Set-Cookie', 'y=2');
console.log(h);
console.log([...h], [...h.keys()], [...h.values()]);
console.log(h.get('a'), h.get('b'), h.get('zz'), h.has('SET-COOKIE'), h.getSetCookie());
h.set('b', ' spaced\t');
h.delete('a');
h.forEach((v, k, self) => console.log('forEach', k, JSON.stringify(v), self === h));
console.log(new Headers([['x', '1'], ['y', '2']]), new Headers(), new Headers(h).get('b'));
console.log(Object.prototype.toString.call(h), h.keys());
t('bad name', () => new Headers({ 'a b': '1' }));
t('bad value', () => new Headers().set('a', 'x\ny'));
t('bad pair', () => new Headers([['a']]));
t('bad init', () => new Headers(5));
t('immutable', () => Response.error().headers.set('a', '1'));

// Response: statuses, statics, bodies.
console.log(new Response('hi', { status: 201, statusText: 'Made', headers: { 'x-y': 'z' } }));
console.log(Response.error());
console.log(Response.json({ a: [1, 2] }, { status: 404 }));
const moved = Response.redirect('http://example.com/a?b#c', 301);
console.log(moved.status, moved.headers.get('location'), moved.body);
t('status 99', () => new Response('x', { status: 99 }));
t('status 204 with body', () => new Response('x', { status: 204 }));
t('redirect 200', () => Response.redirect('http://a/', 200));
t('redirect relative', () => Response.redirect('/rel'));
t('statusText', () => new Response(null, { statusText: 'a\nb' }));
t('json undefined', () => Response.json(undefined));
for (const body of [new URLSearchParams('a=1&b=2'), new Uint8Array([1, 2]), new Blob(['x'], { type: 'A/B' }), 'text', null])
  console.log('content-type', new Response(body).headers.get('content-type'));

// Request: URL, methods, options.
console.log(new Request('http://example.com/x', { method: 'post', body: 'abc', headers: { 'X-A': 'b' } }));
const base = new Request('http://example.com/x?y#z', { method: 'PUT', body: 'abc', redirect: 'manual' });
const copy = new Request(base, { headers: { c: 'd' } });
console.log(base.url, copy.method, copy.redirect, [...copy.headers], copy.signal.aborted);
t('relative url', () => new Request('/x'));
t('GET with body', () => new Request('http://a/', { body: 'x' }));
t('CONNECT', () => new Request('http://a/', { method: 'CONNECT' }));
t('bad method', () => new Request('http://a/', { method: 'bad method' }));
t('bad redirect', () => new Request('http://a/', { redirect: 'x' }));
const ac = new AbortController();
const followed = new Request('http://a/', { signal: ac.signal });
ac.abort();
console.log('signal followed', followed.signal.aborted, followed.signal.reason.name);

// Blob and FormData.
const blob = new Blob(['ab', new Uint8Array([99]), new Blob(['d'])], { type: 'Text/Plain' });
console.log(blob, blob.slice(1, -1, 'x/y'), blob.slice(-2).size);
const fd = new FormData();
fd.append('a', '1');
fd.append('b', '2');
fd.append('a', '3');
console.log(fd, fd.get('a'), fd.getAll('a'), fd.has('c'), [...fd.keys()]);
fd.set('a', '4');
fd.delete('b');
console.log([...fd]);

async function bodies() {
  console.log('text', await new Response('héllo').text());
  console.log('json', await new Response('{"a":[1,{"b":null}]}').json());
  console.log('arrayBuffer', await new Response('abc').arrayBuffer());
  console.log('blob', await new Response('abc').blob());
  console.log('formData', await new Response('a=1&b=%20x', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData());
  console.log('blob text', await blob.text(), await blob.slice(1, 3).arrayBuffer());
  try { await new Response('{"a":').json(); } catch (e) { console.log('json', e.name, e.message); }

  const used = new Response('once');
  await used.text();
  console.log('bodyUsed', used.bodyUsed);
  try { await used.text(); } catch (e) { console.log(e.name, e.message); }
  t('clone used', () => used.clone());

  const original = new Response('twice', { status: 202 });
  const twin = original.clone();
  console.log('clone', await original.text(), await twin.text(), twin.status);

  const locked = new Response('x');
  const reader = locked.body.getReader();
  console.log('locked', locked.body.locked, locked.bodyUsed, locked.body);
  t('second reader', () => locked.body.getReader());
  console.log('read', await reader.read(), await reader.read());
  try { await locked.text(); } catch (e) { console.log(e.name, e.message); }

  // A ReadableStream of our own, as a body and by async iteration.
  let n = 0;
  const counting = () => new ReadableStream({
    pull(controller) {
      if (n < 3) controller.enqueue(new TextEncoder().encode(`chunk${n++} `));
      else controller.close();
    },
  });
  console.log('stream body', await new Response(counting()).text());
  n = 0;
  for await (const chunk of counting()) console.log('iterated', chunk);
  const cancelled = new ReadableStream({ start(c) { c.enqueue('a'); }, cancel(reason) { console.log('cancel', reason); } });
  await cancelled.cancel('enough');
  console.log(cancelled);
  const failing = new ReadableStream({ start(c) { c.error(new Error('broken')); } });
  try { await failing.getReader().read(); } catch (e) { console.log('errored', e.message); }
}
bodies();
