// Node 20's Symbol.asyncDispose on http and net servers (close() as a promise; http's
// rejects when the server is not running, net's resolves), and close(cb) on an http
// server that is not listening: 'close' all the same, and ERR_SERVER_NOT_RUNNING for cb.
const http = require('http');
const net = require('net');

const idle = http.createServer();
idle.on('close', () => console.log('close event'));
console.log(idle.close((e) => console.log('cb', e && e.code, e && e.message)) === idle);

for (const proto of [Object.getPrototypeOf(http.createServer()), net.Server.prototype]) {
  const d = Object.getOwnPropertyDescriptor(proto, Symbol.asyncDispose);
  console.log(d.enumerable, d.writable, d.configurable, JSON.stringify(d.value.name), d.value.length,
    d.value.constructor.name);
}
console.log(Object.keys(http).includes('_serverPrototype'));
const s = http.createServer();
const n = net.createServer();
s[Symbol.asyncDispose]().then(() => console.log('ok'), (e) => console.log('not running:', e.code, e.message));
s.listen(0, async () => {
  const p = s[Symbol.asyncDispose]();
  console.log(p instanceof Promise, s.listening);
  await p;
  console.log('disposed', s.listening);
  n.listen(0, async () => {
    await n[Symbol.asyncDispose]();
    console.log('net disposed', n.listening);
    console.log('again', await n[Symbol.asyncDispose]());
  });
});
