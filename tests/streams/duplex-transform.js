// Duplex and Transform: both sides' events in order, allowHalfOpen, _flush, object mode
// on one side only, PassThrough, subclassing with class syntax and with the old
// constructor-function pattern, instanceof across the family.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough } = stream;
const log = (...a) => console.log(...a);

class Upper extends Transform {
  constructor() { super({ readableObjectMode: true, decodeStrings: false }); }
  _transform(chunk, enc, cb) { this.push(chunk.toUpperCase()); cb(); }
  _flush(cb) { this.push('<flushed>'); cb(); }
}

const u = new Upper();
for (const ev of ['finish', 'end', 'close', 'prefinish']) u.on(ev, () => log('upper', ev));
u.on('data', (d) => log('upper data', d));
u.write('one');
u.end('two');

const d = new Duplex({
  objectMode: true,
  read() {},
  write(chunk, enc, cb) { log('duplex got', chunk); this.push(chunk * 2); cb(); },
  final(cb) { log('duplex final'); this.push(null); cb(); },
});
for (const ev of ['finish', 'end', 'close']) d.on(ev, () => log('duplex', ev));
d.on('data', (c) => log('duplex data', c));
d.write(1);
d.end(2);

const half = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
half.on('finish', () => log('half finish (ended by the readable side)'));
half.on('end', () => log('half end'));
half.resume();
half.push(null);

function Old(opts) {
  if (!(this instanceof Old)) return new Old(opts);
  Readable.call(this, opts);
}
Object.setPrototypeOf(Old.prototype, Readable.prototype); // util.inherits' way
Old.prototype._read = function () { this.push('old'); this.push(null); };
const o = Old({ encoding: 'utf8' });
o.on('data', (c) => log('old-style data', c));

const p = new PassThrough({ objectMode: true });
p.on('data', (c) => log('passthrough', c));
p.write({ k: 1 });
p.end([2]);

log('instanceof', d instanceof Writable, d instanceof Readable, u instanceof Duplex,
    p instanceof Transform, new Readable() instanceof Writable, u instanceof stream,
    d instanceof require('events'));
log('names', Readable.name, Writable.name, Duplex.name, Transform.name, PassThrough.name, stream.name);
log('exports', ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'Stream', 'pipeline', 'finished'].map((k) => typeof stream[k]).join());
log('sides', d.readableObjectMode, d.writableObjectMode, u.readableObjectMode, u.writableObjectMode,
    u.readableHighWaterMark, u.writableHighWaterMark);
