// destroy() with writes queued (their callbacks hear ERR_STREAM_DESTROYED), destroy
// during _write, _construct delaying _read/_write until it calls back, a _construct
// error, and a UTF-8 character split across pushed byte chunks under setEncoding.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(...a);

const w = new Writable({
  decodeStrings: false,
  write(chunk, enc, cb) { log('w _write', chunk); setImmediate(cb); },
});
w.write('a', (err) => log('w cb a', err && err.code));
w.write('b', (err) => log('w cb b', err && err.code));
w.end('c', (err) => log('w end cb', err && err.code));
w.on('error', (e) => log('w error', e.code));
w.on('close', () => log('w close', w.destroyed, w.writableFinished));
w.destroy();
log('w after destroy', w.destroyed, w.writable, w.writableLength);

const cr = new Readable({
  objectMode: true,
  construct(cb) { log('cr construct'); setImmediate(() => { log('cr constructed'); cb(); }); },
  read() { log('cr _read'); this.push('r'); this.push(null); },
});
cr.on('data', (d) => log('cr data', d));
for (const ev of ['end', 'close']) cr.on(ev, () => log('cr', ev));

const cw = new Writable({
  objectMode: true,
  construct(cb) { log('cw construct'); setImmediate(() => { log('cw constructed'); cb(); }); },
  write(chunk, enc, cb) { log('cw _write', chunk); cb(); },
});
cw.write('early');
cw.end();
for (const ev of ['finish', 'close']) cw.on(ev, () => log('cw', ev));

const bad = new Readable({ construct(cb) { cb(new Error('cannot open')); }, read() {} });
bad.on('error', (e) => log('bad error', e.message));
bad.on('close', () => log('bad close'));

const bytes = new Readable({ read() {} });
bytes.setEncoding('utf8');
bytes.on('data', (s) => log('text', JSON.stringify(s)));
const euro = [0xe2, 0x82, 0xac]; // €
bytes.push(new Uint8Array([0x41, euro[0]]));
bytes.push(new Uint8Array([euro[1]]));
bytes.push(new Uint8Array([euro[2], 0x42]));
bytes.push(new Uint8Array([0xf0, 0x9f]));
bytes.push(null);

const n = new Readable({ read() {} });
n.push('abcdef');
n.push('gh');
n.push(null);
n.on('readable', function () {
  let chunk;
  while ((chunk = this.read(3)) !== null) log('read(3) got', chunk.length, 'bytes, left', this.readableLength);
});
n.on('end', () => log('n end'));
