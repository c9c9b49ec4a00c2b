// createReadStream and createWriteStream: events in node's order, ranges, highWaterMark,
// backpressure, pipe from file to file, and the errors of a missing file.
const fs = require('fs');
const { dir, show } = require('./lib/tmp.js');
const src = `${dir}/src.txt`;
fs.writeFileSync(src, 'abcdefghijklmnopqrstuvwxyz'.repeat(4));

function events(stream, name, done) {
  for (const ev of ['open', 'ready', 'end', 'finish', 'close'])
    stream.on(ev, (arg) => console.log(name, ev, typeof arg === 'number' ? 'fd' : ''));
  stream.on('error', (e) => console.log(name, 'error', show(e.message), e.code));
  stream.on('close', done);
}

const tests = [
  (done) => {
    const r = fs.createReadStream(src, { start: 2, end: 9, highWaterMark: 3 });
    console.log('pending', r.pending, show(r.path), r.start, r.end, r.flags);
    r.on('data', (c) => console.log('data', JSON.stringify(c.toString()), r.bytesRead));
    events(r, 'range', done);
  },
  (done) => {
    const r = fs.createReadStream(src, { encoding: 'utf8', start: 100 });
    r.on('data', (c) => console.log('data', c));
    events(r, 'past-end', done);
  },
  (done) => {
    const r = fs.createReadStream(src, 'hex');
    let text = '';
    r.on('data', (c) => { text += c; });
    r.on('end', () => console.log('hex', text.length, text.slice(0, 8)));
    r.on('close', done);
  },
  (done) => {
    const r = fs.createReadStream(`${dir}/missing`);
    events(r, 'missing', done);
  },
  (done) => {
    const w = fs.createWriteStream(`${dir}/out.txt`, { highWaterMark: 4 });
    console.log('pending', w.pending);
    events(w, 'write', () => {
      console.log(fs.readFileSync(`${dir}/out.txt`, 'utf8'), w.bytesWritten);
      done();
    });
    console.log('write', w.write('hello '), w.writableLength);
    w.once('drain', () => {
      console.log('drain');
      w.write(Buffer.from('world'));
      w.end('!');
    });
  },
  (done) => {
    fs.writeFileSync(`${dir}/patch.txt`, '0123456789');
    const w = fs.createWriteStream(`${dir}/patch.txt`, { flags: 'r+', start: 3 });
    w.end('abc', () => console.log('end callback'));
    w.on('close', () => {
      console.log(fs.readFileSync(`${dir}/patch.txt`, 'utf8'));
      done();
    });
  },
  (done) => {
    const r = fs.createReadStream(src, { highWaterMark: 10 });
    const w = fs.createWriteStream(`${dir}/copy.txt`);
    r.pipe(w);
    w.on('finish', () => console.log('piped', fs.readFileSync(`${dir}/copy.txt`, 'utf8') === fs.readFileSync(src, 'utf8')));
    w.on('close', done);
  },
  (done) => {
    const w = fs.createWriteStream(`${dir}/nodir/x`);
    events(w, 'bad-write', done);
    w.write('lost');
  },
  (done) => {
    const fd = fs.openSync(src, 'r');
    const r = fs.createReadStream(null, { fd, start: 0, end: 3 });
    r.on('data', (c) => console.log('fd data', c.toString()));
    events(r, 'fd', () => {
      try { fs.fstatSync(fd); } catch (e) { console.log('closed', e.code); }
      done();
    });
  },
  (done) => {
    const r = fs.createReadStream(src);
    r.on('open', () => r.close(() => { console.log('closed by close()', r.destroyed); done(); }));
  },
  async (done) => {
    const chunks = [];
    for await (const c of fs.createReadStream(src, { highWaterMark: 50 })) chunks.push(c.length);
    console.log('for await', chunks);
    const h = await fs.promises.open(src);
    const r = h.createReadStream({ start: 100 });
    r.on('data', (c) => console.log('handle stream', c.toString()));
    r.on('close', done);
  },
  (done) => { // the signal option: aborted before, or once open (one after the other:
    // both streams wait for their open on the pool, in either order)
    const r = fs.createReadStream(src, { signal: AbortSignal.abort() });
    r.on('error', (e) => console.log('aborted', e.name, e.code));
    r.on('close', () => {
      const ac = new AbortController();
      const r2 = fs.createReadStream(src, { signal: ac.signal });
      r2.on('open', () => ac.abort());
      r2.on('error', (e) => console.log('aborted once open', e.name, e.code, r2.bytesRead));
      r2.on('close', done);
    });
  },
];
const next = () => tests.length && tests.shift()(next);
try { fs.createReadStream(src, { start: 5, end: 2 }); } catch (e) { console.log(e.code, e.message); }
try { fs.createReadStream(src, { start: -1 }); } catch (e) { console.log(e.code, e.message); }
try { fs.createWriteStream(5); } catch (e) { console.log(e.code, e.message); }
console.log(fs.ReadStream === fs.createReadStream(src).constructor, typeof fs.WriteStream);
next();
