// fetch-body: request bodies of every kind as the server receives them (a string, JSON
// with its own Content-Type, URLSearchParams, bytes, a ReadableStream sent chunked, a
// Request's body), and Content-Length: 0 for a PUT without one.
const { serve } = require('./fetch/server.js');

async function main(base) {
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

}

serve(main);
