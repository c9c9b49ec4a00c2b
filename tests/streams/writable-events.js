// Writable: write() answers false at highWaterMark, 'drain' when the queue empties,
// end() then 'prefinish', 'finish', 'close'; _final, _writev, cork/uncork, callbacks' order.
const { Writable } = require('stream');
const log = (...a) => console.log(...a);

function backpressure() {
  const w = new Writable({
    decodeStrings: false,
    highWaterMark: 4,
    write(chunk, enc, cb) {
      log('bp _write', chunk, enc, this.writableLength);
      setImmediate(cb);
    },
  });
  for (const ev of ['drain', 'prefinish', 'finish', 'close']) w.on(ev, () => log('bp', ev));
  log('bp write ab', w.write('ab', () => log('bp cb ab')));
  log('bp write cd', w.write('cd', () => log('bp cb cd')), w.writableNeedDrain, w.writableLength);
  log('bp write ef', w.write('ef', 'latin1', () => log('bp cb ef')));
  w.end(() => log('bp end cb'));
  log('bp after end', w.writable, w.writableEnded, w.writableFinished);
}

function syncCallbacks() {
  const w = new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      log('sync _write', chunk);
      cb();
    },
    final(cb) {
      log('sync _final');
      setImmediate(cb);
    },
  });
  for (const ev of ['drain', 'prefinish', 'finish', 'close']) w.on(ev, () => log('sync', ev));
  w.write(1, (...a) => log('sync cb 1', a));
  w.write(2, () => log('sync cb 2'));
  w.end(3, () => log('sync end cb'));
  log('sync hwm', w.writableHighWaterMark, w.writableObjectMode);
}

function writev() {
  const w = new Writable({
    decodeStrings: false,
    write(chunk, enc, cb) {
      log('v _write', chunk);
      setImmediate(cb);
    },
    writev(chunks, cb) {
      log('v _writev', chunks.map((c) => c.chunk).join('|'));
      setImmediate(cb);
    },
  });
  w.write('1');
  w.write('2');
  w.write('3');
  w.cork();
  w.write('4');
  w.write('5');
  log('v corked', w.writableCorked);
  process.nextTick(() => w.uncork());
  w.end();
  w.on('finish', () => log('v finish'));
}

backpressure();
syncCallbacks();
writev();
