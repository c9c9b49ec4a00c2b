// pipe(): a fast source into a slow destination pauses at highWaterMark and resumes on
// 'drain'; 'pipe'/'unpipe' events; { end: false }; unpipe(); one source into two
// destinations waits for both to drain.
const { Readable, Writable, PassThrough } = require('stream');
const log = (...a) => console.log(...a);

// Calls cb after `hops` turns of the event loop: slow, and deterministic.
function later(hops, cb) {
  if (hops === 0) return cb();
  setImmediate(later, hops - 1, cb);
}

function slowSink(name, hwm, delay) {
  return new Writable({
    objectMode: true,
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      log(name, 'write', chunk, 'queued', this.writableLength);
      later(delay, cb);
    },
  });
}

function counter(name, max) {
  let i = 0;
  return new Readable({
    objectMode: true,
    highWaterMark: 2,
    read() {
      log(name, 'read', i);
      this.push(i < max ? i++ : null);
    },
  });
}

function single(done) {
  const src = counter('src', 5);
  const dst = slowSink('dst', 2, 2);
  dst.on('pipe', (s) => log('pipe event', s === src));
  dst.on('unpipe', (s) => log('unpipe event', s === src));
  dst.on('drain', () => log('drain', src.isPaused()));
  src.on('pause', () => log('src pause'));
  src.on('resume', () => log('src resume'));
  dst.on('finish', () => {
    log('finish');
    done();
  });
  src.pipe(dst);
}

function noEnd(done) {
  const src = Readable.from(['a', 'b']);
  const dst = new PassThrough({ objectMode: true });
  src.pipe(dst, { end: false });
  dst.on('data', (c) => log('noEnd data', c));
  src.on('end', () => {
    log('noEnd src end, dst writable', dst.writable);
    dst.end('z');
  });
  dst.on('end', () => {
    log('noEnd dst end');
    done();
  });
}

function unpipe(done) {
  const src = new Readable({ objectMode: true, read() {} });
  const dst = slowSink('unpiped', 16, 0);
  src.pipe(dst);
  src.push(1);
  later(3, () => {
    src.unpipe(dst);
    log('after unpipe flowing', src.readableFlowing);
    src.push(2);
    later(3, () => {
      log('left in buffer', src.readableLength);
      done();
    });
  });
}

function fanOut(done) {
  const src = counter('fan', 4);
  const a = slowSink('  a', 1, 1);
  const b = slowSink('  b', 1, 4);
  let n = 0;
  const fin = () => ++n === 2 && done();
  a.on('finish', fin);
  b.on('finish', fin);
  src.pipe(a);
  src.pipe(b);
}

single(() => noEnd(() => unpipe(() => fanOut(() => log('all done')))));
