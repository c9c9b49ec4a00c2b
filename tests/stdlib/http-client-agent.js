// The Agent: node 20's globalAgent keeps sockets alive and reuses them; maxSockets
// queues requests; agent: false sends Connection: close; the server's request body
// arrives as Buffers unless setEncoding.
const http = require('http');
const seen = new Set();
const server = http.createServer((req, res) => {
  const chunks = [];
  if (req.url === '/text') req.setEncoding('utf8');
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    seen.add(`${req.socket ? '' : ''}${req.headers.connection}`);
    const kinds = chunks.map((c) => (Buffer.isBuffer(c) ? 'Buffer' : typeof c));
    res.end(JSON.stringify({ url: req.url, kinds: [...new Set(kinds)], connection: req.headers.connection }));
  });
});

function fetchText(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ text, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = { port, host: '127.0.0.1', method: 'POST' };
  console.log('globalAgent', http.globalAgent.keepAlive, http.globalAgent.maxSockets, http.globalAgent.options.timeout);
  const a = await fetchText({ ...base, path: '/bytes' }, 'abc');
  console.log(a.text, a.reused);
  const b = await fetchText({ ...base, path: '/text' }, 'héllo');
  console.log(b.text, b.reused);
  console.log('free sockets', Object.keys(http.globalAgent.freeSockets).length);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const order = [];
  await Promise.all([1, 2, 3].map((i) => fetchText({ ...base, agent, path: `/q${i}` }, `${i}`).then((r) => order.push([JSON.parse(r.text).url, r.reused]))));
  console.log('queued', order);
  console.log('agent sockets', Object.keys(agent.sockets).length, Object.keys(agent.freeSockets).length, agent.totalSocketCount);
  agent.destroy();

  const c = await fetchText({ ...base, agent: false, path: '/close' }, '');
  console.log(c.text, c.reused);
  server.close(() => console.log('closed'));
  http.globalAgent.destroy();
});
