// Duplex.from(body): what each kind of body becomes.
const { Duplex, Readable, Writable, PassThrough } = require('stream');
const sides = (d) => `${d.constructor.name} readable=${d.readable} writable=${d.writable}`;

async function main() {
  const p = new PassThrough();
  console.log(Duplex.from(p) === p);
  const it = Duplex.from([1, 2, 3]);
  console.log(sides(it), await it.toArray());
  const str = Duplex.from('text');
  console.log(sides(str), await str.toArray());
  const pr = Duplex.from(Promise.resolve('value'));
  console.log(sides(pr), await pr.toArray());
  const none = Duplex.from(Promise.resolve(null));
  console.log(await none.toArray());
  const rej = Duplex.from(Promise.reject(new Error('rejected')));
  await rej.toArray().catch((e) => console.log('rejected:', e.message));
  const r = Duplex.from(Readable.from(['r1', 'r2']));
  console.log(sides(r), await r.toArray());
  const got = [];
  const w = Duplex.from(new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } }));
  console.log(sides(w));
  w.end('w1', () => console.log('written', got));
  await new Promise((res) => w.on('close', res));
  const pair = Duplex.from({ readable: Readable.from(['p']), writable: new Writable({ write(c, e, cb) { console.log('pair got', c.toString()); cb(); } }) });
  console.log(sides(pair));
  pair.end('to pair');
  console.log(await pair.toArray());
  // A failing side destroys the pair and the other side.
  const failing = { readable: new Readable({ read() {} }), writable: new Writable({ write(c, e, cb) { cb(new Error('w fails')); } }) };
  const broken = Duplex.from(failing);
  broken.on('error', (e) => console.log('pair error', e.message));
  broken.write('q');
  await new Promise((res) => broken.on('close', res));
  console.log(failing.readable.destroyed, failing.writable.destroyed);
  const gen = Duplex.from(async function* (source, { signal }) {
    console.log('signal', signal.aborted);
    for await (const c of source) yield String(c).repeat(2);
  });
  console.log(sides(gen));
  gen.write('a'); gen.end('b');
  console.log(await gen.toArray());
  const fn = Duplex.from(async (source) => {
    for await (const c of source) console.log('fn got', c);
  });
  console.log(sides(fn));
  fn.write('one'); fn.end();
  await new Promise((res) => fn.on('finish', res));
  console.log('fn finished');
  // A web ReadableStream becomes a byte stream; a Blob, its ArrayBuffer.
  const web = Duplex.from(new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue(new Uint8Array([98])); c.close(); } }));
  console.log(sides(web), web.readableObjectMode, await web.toArray());
  const blob = Duplex.from(new Blob(['hi']));
  console.log(sides(blob), blob.readableObjectMode, await blob.toArray());
  const webErr = Duplex.from(new ReadableStream({ pull(c) { c.error(new Error('web')); } }));
  await webErr.toArray().catch((err) => console.log('error', err.message));

  for (const v of [5, null, {}, () => 1, Symbol('s'), true, undefined, 'x'.repeat(40)]) {
    try { Duplex.from(() => v); } catch (e) { console.log(e.name, e.code, e.message); }
  }
}
main();
