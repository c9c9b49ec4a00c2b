// A kept-alive agent reads the server's `Keep-Alive: timeout=N` hint (node's
// agent.keepSocketAlive): a free socket times out a second before it (4000 ms for the
// global agent against a server's default 5 s), and is not kept at all when that
// leaves no time (keepAliveTimeout 200 sends timeout=0).
const http = require('http');

function get(port, agent, label) {
  return new Promise((resolve) => {
    const req = http.get({ port, agent, path: '/' }, (res) => {
      console.log(label, res.statusCode, res.headers['keep-alive'], 'reused', req.reusedSocket);
      res.resume();
      res.on('end', () => setImmediate(() => {
        const free = Object.values((agent || http.globalAgent).freeSockets).flat().length;
        console.log(label, 'free sockets', free, 'socket timeout', req.socket.timeout);
        resolve();
      }));
    });
    req.on('error', (e) => { console.log(label, 'error', e.code); resolve(); });
  });
}

const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, async () => {
  const port = server.address().port;
  await get(port, undefined, 'global agent');
  await get(port, undefined, 'global agent again');
  server.keepAliveTimeout = 200;
  const agent = new http.Agent({ keepAlive: true });
  console.log('keepSocketAlive', typeof agent.keepSocketAlive, 'reuseSocket', typeof agent.reuseSocket);
  await get(port, agent, 'short hint');
  await get(port, agent, 'short hint again');
  http.globalAgent.destroy();
  server.close();
});
