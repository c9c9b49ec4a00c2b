// The phases in node's order, where the order is certain: inside an I/O callback (a
// file read, a socket's connect and data) setImmediate runs before setTimeout 0, and
// an immediate queued by an immediate waits for the next turn; equal deadlines (0 and
// 1 ms are the same) fire in creation order; inside a timer, setImmediate runs before a
// new setTimeout 0. Each step starts from the last event of the one before, never on a
// clock.
const fs = require('fs');
const net = require('net');
const log = (...a) => console.log(...a);

function inIo(tag, next) {
  let timeoutRan = false, pending = 2;
  const done = () => { if (--pending === 0) next(); };
  setTimeout(() => { timeoutRan = true; done(); }, 0);
  setImmediate(() => {
    log(tag, 'immediate 1, timeout 0 has run:', timeoutRan);
    setImmediate(() => { log(tag, 'immediate queued by immediate 1'); done(); });
    process.nextTick(() => log(tag, 'tick in immediate 1'));
  });
  setImmediate(() => log(tag, 'immediate 2'));
  process.nextTick(() => log(tag, 'tick'));
}

function timers(next) {
  setTimeout(() => log('equal a (1 ms)'), 1);
  setTimeout(() => log('equal b (0 ms)'), 0);
  setTimeout(() => log('equal c (no delay)'));
  setTimeout(() => log('equal d (-5 ms)'), -5);
  setTimeout(() => {
    log('outer timer');
    setTimeout(() => { log('timer set in a timer'); next(); }, 0);
    setImmediate(() => log('immediate set in a timer'));
  }, 1);
}

function sockets() {
  const server = net.createServer((socket) => {
    socket.on('data', (d) => {
      inIo('server data', () => socket.end(String(d).toUpperCase()));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1', () => {
      inIo('connect', () => client.write('ping'));
    });
    client.on('data', (d) => log('client data', String(d)));
    client.on('end', () => log('client end'));
    client.on('close', () => {
      log('client close');
      server.close(() => log('server closed'));
    });
  });
}

fs.readFile(__filename, () => inIo('readFile', () => timers(sockets)));
