// http's server loads net only when something needs it (internal/http/server.js): a
// request's socket before anything has loaded net, what a program can ask of it, then the
// same after the program loads net itself.
const http = require('http');
const stream = require('stream');
const EventEmitter = require('events');

const server = http.createServer((req, res) => {
  const socket = req.socket;
  console.log('Readable', socket instanceof stream.Readable);
  console.log('Stream', socket instanceof stream.Stream, socket instanceof stream);
  console.log('EventEmitter', socket instanceof EventEmitter);
  console.log('has write', 'write' in socket, 'setNoDelay' in socket, 'nothing' in socket);
  const net = require('net');
  console.log('net.Socket', socket instanceof net.Socket, socket instanceof stream.Duplex);
  console.log('constructor', socket.constructor === net.Socket, socket.constructor.name);
  console.log('typeof', typeof socket.write, typeof socket.address, typeof socket.pipe);
  console.log('writable', socket.writable, socket.readyState, socket.destroyed);
  res.end('ok');
});
server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => server.close(() => console.log('closed')));
  });
});
