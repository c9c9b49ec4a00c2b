// Where node hands out Buffers: fs.readFile(Sync) without an encoding, stream chunks; and where it takes them: Writable.write, process.stdout.write.
const fs = require('fs');
const { Readable, Writable, PassThrough, Transform } = require('stream');
const text = fs.readFileSync(__filename);
console.log(Buffer.isBuffer(text), text.length > 100, text.buffer.byteLength,  text.subarray(0, 9), text.toString('utf8', 3, 8));
console.log(fs.readFileSync(__filename, { encoding: 'hex' }).slice(0, 8), fs.readFileSync(__filename, 'base64').slice(0, 8), fs.readFileSync(__filename, 'latin1').slice(0, 5));
try { fs.readFileSync(__filename, 'buffer'); } catch (e) { console.log(e.name, e.code, e.message); }

// one read after the other, so that the order of the lines never depends on the pool
fs.readFile(__filename, (err, data) => {
  console.log('readFile', err, Buffer.isBuffer(data), data.subarray(0, 4), data.buffer.byteLength === data.length);
  fs.readFile(__filename, 'ucs2', (err, data) => {
    console.log('readFile ucs2', err, typeof data);
    fs.readFile(__filename, { encoding: 'buffer' }, (err, data) => console.log('readFile buffer', err.code, err.message, data));
  });
});
const r = new Readable({ read() {} });
r.push('abc');
r.push(new Uint8Array([100, 101]));
r.push(Buffer.from('fg'));
r.push(null);
r.on('data', (chunk) => console.log('data', chunk, Buffer.isBuffer(chunk)));
const chunks = [];
const w = new Writable({
  write(chunk, encoding, cb) {
    chunks.push([chunk, encoding, Buffer.isBuffer(chunk)]);
    cb();
  },
});
w.write('str');
w.write(Buffer.from('buf'));
w.write(new Uint8Array([1, 2]));
w.write('6869', 'hex');
w.end(() => console.log('written', chunks));
const p = new PassThrough();
p.setEncoding('utf8');
p.on('data', (s) => console.log('decoded', JSON.stringify(s)));
p.write(Buffer.from([0xe2, 0x82]));
p.write(Buffer.from([0xac, 0x21]));
p.end();
const t = new Transform({ transform(chunk, enc, cb) { cb(null, Buffer.from(chunk.toString().toUpperCase())); } });
t.on('data', (c) => console.log('transformed', c));
t.end('shout');
process.stdout.write(Buffer.from('raw bytes to stdout\n'));
process.stdout.write(new Uint8Array([0x75, 0x38, 0x0a]));
process.stdout.write('6869210a', 'hex');
