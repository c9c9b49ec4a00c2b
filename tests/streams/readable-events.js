// Readable: the order of 'data', 'end', 'close', 'readable', 'pause' and 'resume', read()
// in paused mode, setEncoding, unshift, and the state getters along the way.
const { Readable } = require('stream');
const log = (...a) => console.log(...a);

function flowing() {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  for (const ev of ['data', 'end', 'close', 'pause', 'resume']) r.on(ev, (x) => log('flowing', ev, x ?? ''));
  r.push('a');
  r.push('b');
  log('flowing state', r.readableFlowing, r.readableLength);
  r.push(null);
  log('flowing ended', r.readableEnded, r.readable);
}

function paused() {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  r.push('hello ');
  r.push('world');
  r.push(null);
  r.on('readable', () => {
    let chunk;
    log('paused readable, length', r.readableLength);
    while ((chunk = r.read(3)) !== null) log('paused read', JSON.stringify(chunk));
  });
  r.on('end', () => log('paused end', r.readableEnded));
  r.on('close', () => log('paused close', r.destroyed, r.closed));
}

function lazyRead() {
  let n = 0;
  const r = new Readable({
    objectMode: true,
    read(size) {
      log('lazy _read', size, n);
      if (n < 3) this.push({ n: n++ });
      else this.push(null);
    },
  });
  r.on('data', (o) => log('lazy data', o));
  r.on('end', () => log('lazy end'));
}

function pauseResume() {
  const r = Readable.from(['x', 'y', 'z']);
  r.on('data', (c) => {
    log('pr data', c, r.isPaused());
    r.pause();
    setImmediate(() => r.resume());
  });
  r.on('end', () => log('pr end'));
}

function unshiftAndEncoding() {
  const r = new Readable({ read() {} });
  r.push('abc');
  r.setEncoding('utf8');
  r.unshift('>');
  log('unshift', r.read(), r.readableEncoding);
  const u = new Readable({ read() {}, encoding: 'hex' });
  u.push('AB');
  u.push(null);
  u.on('data', (c) => log('hex data', c));
}

flowing();
paused();
lazyRead();
pauseResume();
unshiftAndEncoding();
