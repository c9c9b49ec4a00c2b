// stream.compose(...streams) and readable.compose(stream): one Duplex made of streams
// and async generator functions; Duplex.from; their errors.
const { compose, Readable, Writable, Duplex, Transform, PassThrough, pipeline } = require('stream');
const show = (label) => (e) => console.log(label, e.name, e.code, e.message.split('\n')[0]);
const upper = () => new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
const collect = (s) => new Promise((resolve) => {
  const out = [];
  s.on('data', (c) => out.push(typeof c === 'object' && Buffer.isBuffer(c) ? c.toString() : c));
  s.on('end', () => resolve(out));
});

async function main() {
  // Transforms and generator functions in a row: written at one end, read at the other.
  const d = compose(upper(), async function* (src) {
    for await (const c of src) yield `<${c}>`;
  }, new PassThrough());
  console.log(d instanceof Duplex, d.constructor.name, d.readable, d.writable, d.readableObjectMode, d.writableObjectMode);
  const events = [];
  for (const ev of ['finish', 'end', 'close']) d.on(ev, () => events.push(ev));
  d.write('ab');
  d.end('cd');
  console.log(await collect(d));
  await new Promise((r) => setImmediate(r));
  console.log(events);

  // A generator function first (it reads what is written) and a Writable last.
  const sink = [];
  const closed = compose(async function* (src) { for await (const c of src) yield `${c}!`; },
    new Writable({ objectMode: true, write(c, e, cb) { sink.push(c); cb(); } }));
  console.log(closed.readable, closed.writable);
  closed.on('finish', () => console.log('finish', sink));
  closed.write('x');
  closed.end('y');
  await new Promise((r) => closed.on('close', r));
  console.log('closed', closed.destroyed);

  // An async function last: it consumes, and its promise ends the writing side.
  const last = compose(new PassThrough({ objectMode: true }), async function (src) {
    for await (const c of src) console.log('consumed', c);
  });
  console.log(last.readable, last.writable);
  last.on('finish', () => console.log('finish'));
  last.write(1); last.end(2);
  await new Promise((r) => last.on('close', r));

  // readable.compose: this stream feeds the other; the result is read as a Readable.
  const r = Readable.from(['a', 'b']).compose(async function* (src) {
    for await (const c of src) yield c + c;
  });
  console.log(r instanceof Readable, await r.toArray());
  console.log(await Readable.from(['q']).compose(upper()).map((b) => b.toString()).toArray());

  // In a pipeline, like any Duplex.
  const out = [];
  await new Promise((resolve) => pipeline(Readable.from(['1', '2']), compose(upper(), new PassThrough()),
    new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } }), (err) => { console.log('pipeline', err); resolve(); }));
  console.log(out);

  // An error inside destroys the whole; destroying the Duplex destroys the streams.
  const failing = compose(new PassThrough(), new Transform({ transform(c, e, cb) { cb(new Error('inner')); } }));
  failing.on('error', show('composed error'));
  failing.on('close', () => console.log('closed after error', failing.destroyed));
  failing.write('z');
  await new Promise((r) => failing.on('close', r));
  const a = new PassThrough(), b = new PassThrough();
  const both = compose(a, b);
  both.on('error', show('destroyed'));
  both.destroy();
  await new Promise((r) => both.on('close', r));
  console.log('parts', a.destroyed, b.destroyed);

  // An error in the first stream reaches the composed one; two generator functions
  // composed in a pipeline that ends in an async function.
  const head = new PassThrough();
  const c2 = compose(head, new PassThrough());
  const ev = [];
  for (const e of ['error', 'close', 'finish', 'end']) c2.on(e, (x) => ev.push(`${e}${x ? ':' + x.message : ''}`));
  head.destroy(new Error('head'));
  await new Promise((r2) => c2.on('close', r2));
  console.log(ev, c2.destroyed);
  console.log(await require('stream/promises').pipeline(Readable.from([1, 2, 3]),
    compose(async function* (s) { for await (const x of s) yield x + 1; }, async function* (s) { for await (const x of s) yield x * 2; }),
    async (s) => { const all = []; for await (const x of s) all.push(x); return all; }));

  // The argument errors.
  const tries = [
    () => compose(), () => compose(new Writable(), new PassThrough()),
    () => compose(new PassThrough(), Readable.from([])), () => Readable.from([1]).compose(Readable.from([2])),
    () => Readable.from([1]).compose(new PassThrough(), 5), () => Duplex.from(5), () => Duplex.from(null),
    () => Duplex.from(() => 5), () => compose(() => 'str', new PassThrough()),
    () => Readable.from([1]).compose(new PassThrough(), { signal: 'no' }),
  ];
  for (const t of tries) {
    try { console.log('made', t().constructor.name); } catch (e) { show('throws')(e); }
  }
}
main();
