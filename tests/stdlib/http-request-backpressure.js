// A server that reads a large upload slowly (pausing the request for a while after each
// chunk, then reading in paused mode) still receives every byte, in order; a body left
// unread is thrown away and the connection serves the next request.
const http = require('http');
const crypto = require('crypto');

const body = Buffer.alloc(1024 * 1024);
for (let i = 0; i < body.length; i++) body[i] = (i * 7 + (i >> 10)) & 0xff;
const digest = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

const server = http.createServer((req, res) => {
  if (req.url === '/ignore') {
    res.end('ignored');
    return;
  }
  const chunks = [];
  let pauses = 0;
  req.on('data', (chunk) => {
    chunks.push(chunk);
    if (pauses < 5) {
      pauses++;
      req.pause();
      setTimeout(() => req.resume(), 20);
    }
  });
  req.on('end', () => {
    const got = Buffer.concat(chunks);
    res.end(`${got.length} ${digest(got)} paused: ${pauses > 0}`); // how often depends on how the bytes came
  });
});

function post(agent, path, data) {
  return new Promise((resolve) => {
    const r = http.request({ port: server.address().port, method: 'POST', path, agent }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(`${res.statusCode} ${text}`));
    });
    r.end(data);
  });
}

server.listen(0, async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  console.log('sent', body.length, digest(body));
  console.log(await post(agent, '/slow', body));
  console.log(await post(agent, '/ignore', body.subarray(0, 200000)));
  console.log(await post(agent, '/slow', body.subarray(0, 100000)));
  agent.destroy();
  server.close();
});
