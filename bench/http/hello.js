// The tutorial's hello-world server, for bench/http.sh: prints its port once listening.
// HEADERS_TIMEOUT / REQUEST_TIMEOUT / KEEP_ALIVE (ms) set the server's timeouts.
const http = require('http');
const env = process.env;
const server = http.createServer({ connectionsCheckingInterval: 250 }, (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello World\n');
});
if (env.HEADERS_TIMEOUT) server.headersTimeout = Number(env.HEADERS_TIMEOUT);
if (env.REQUEST_TIMEOUT) server.requestTimeout = Number(env.REQUEST_TIMEOUT);
if (env.KEEP_ALIVE) server.keepAliveTimeout = Number(env.KEEP_ALIVE);
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
