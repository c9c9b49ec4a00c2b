// Printing a request's socket that nothing has touched yet shows a net.Socket's fields
// (tinynode makes them on first use: internal/http/server.js), as node's does.
const http = require('http');
const util = require('util');

const server = http.createServer((req, res) => {
  const text = util.inspect(req.socket, { depth: 0 });
  console.log(text.startsWith('Socket {'), text.includes('_readableState'), text.includes('_writableState'));
  console.log(Object.keys(req.socket).includes('_readableState'));
  res.end('ok');
});
server.listen(0, () => {
  http.get({ port: server.address().port, agent: false }, (res) => {
    res.resume();
    res.on('end', () => server.close(() => console.log('closed')));
  });
});
