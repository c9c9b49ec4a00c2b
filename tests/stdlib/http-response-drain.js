'use strict';
// A response's write() answers as node's does: the bytes written in one run of code
// count as buffered (writableLength) until the write completes two ticks later, so a
// write that reaches highWaterMark says false and 'drain' follows, after the ticks
// queued meanwhile and before setImmediate; with a client that stops reading, 'drain'
// waits for the queue. Small writes stay under the mark.
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/small') {
    console.log('small', res.write('a'), res.write('b'), res.writableLength > 0, res.writableNeedDrain);
    process.nextTick(() => console.log('  tick', res.writableLength > 0));
    setImmediate(() => {
      console.log('  immediate', res.writableLength, res.writableNeedDrain);
      res.end();
    });
    return;
  }
  if (req.url === '/big') {
    const a = res.write('x'.repeat(20000));
    const b = res.write('y');
    console.log('big', a, b, res.writableLength, res.writableNeedDrain);
    res.on('drain', () => {
      console.log('  drain', res.writableLength, res.writableNeedDrain);
      res.end();
    });
    process.nextTick(() => console.log('  tick'));
    setImmediate(() => console.log('  immediate'));
    return;
  }
  // /stuck: the client reads nothing until told; the server writes until write() says
  // false, then waits for 'drain'.
  let writes = 0;
  const chunk = 'z'.repeat(65536);
  while (res.write(chunk)) writes++;
  console.log('stuck: false after', writes > 0 ? 'some writes' : 'one write', res.writableNeedDrain);
  res.on('drain', () => {
    console.log('  drain after the client read', res.writableLength, res.writableNeedDrain);
    res.end('done');
  });
  setTimeout(() => readStuck(), 100);
});

let readStuck;

function get(path) {
  return new Promise((resolve) => {
    http.get({ port: server.address().port, path, agent: false }, (res) => {
      let n = 0;
      if (path === '/stuck') {
        res.pause();
        readStuck = () => res.resume();
      }
      res.on('data', (d) => { n += d.length; });
      res.on('end', () => {
        console.log('  client got', n, 'bytes');
        resolve();
      });
    });
  });
}

server.listen(0, async () => {
  await get('/small');
  await get('/big');
  await get('/stuck');
  server.close();
});
