// The operators' argument errors (thrown by those that give a stream, rejections from
// those that give a promise), errors of fn and of the source, and AbortSignal handling.
const { Readable } = require('stream');
const from = (a) => Readable.from(a);
const show = (label) => (e) => console.log(label, e.name, e.code, e.message, e.cause === undefined ? '' : e.cause);
const id = (x) => x;
process.on('warning', (w) => console.log('warning', w.name, w.message, w.code));

const sync = [
  () => from([1]).map(5), () => from([1]).map(id, 5), () => from([1]).map(id, [1]),
  () => from([1]).map(id, { concurrency: 0 }), () => from([1]).map(id, { concurrency: 'a' }),
  () => from([1]).map(id, { concurrency: Infinity }), () => from([1]).map(id, { concurrency: 2 ** 53 }),
  () => from([1]).map(id, { concurrency: 1.5, highWaterMark: -1 }), () => from([1]).map(id, { highWaterMark: 'x' }),
  () => from([1]).map(id, { signal: 1 }), () => from([1]).map(id, { signal: {} }),
  () => from([1]).filter('f'), () => from([1]).flatMap(null), () => from([1]).drop(-1),
  () => from([1]).take(-0.5), () => from([1]).take(1, 'x'), () => from([1]).drop(1, { signal: true }),
  () => from([1]).asIndexedPairs(3), () => from([1]).compose(5, 5),
  () => new (from([1]).map)(id), () => new Readable.prototype.toArray(),
];
for (const t of sync) {
  try { console.log('no throw', t().constructor.name); } catch (e) { show('throws')(e); }
}

async function main() {
  const asyncs = [
    () => from([1]).forEach(5), () => from([1]).some(null), () => from([1]).every('x'),
    () => from([1]).find(1), () => from([1]).reduce(5), () => from([1]).toArray(7),
    () => from([1]).reduce(id, 0, { signal: 1 }), () => from([1]).forEach(id, { concurrency: -1 }),
    () => from([]).reduce(id),
  ];
  for (const t of asyncs) {
    const p = t();
    console.log(p instanceof Promise);
    await p.then((v) => console.log('resolved', v), show('rejects'));
  }

  // fn throws (or rejects): the chunks before it come out, then the error.
  const got = [];
  await from([1, 2, 3, 4]).map((x) => { if (x === 3) throw new Error('three'); return x; })
    .on('data', (x) => got.push(x)).toArray().catch(show('map throws'));
  const m = from([1, 2, 3]).map(async (x) => { if (x === 2) throw new Error('two'); return x; });
  m.on('data', (x) => got.push(x));
  m.on('error', show('map error event'));
  await new Promise((r) => m.on('close', r));
  console.log('got', got, m.destroyed);
  await from([1, 2]).filter(() => { throw new TypeError('bad'); }).toArray().catch(show('filter'));
  await from([1, 2]).reduce(() => { throw new Error('r'); }, 0).catch(show('reduce'));

  // The source fails.
  const bad = new Readable({ objectMode: true, read() {} });
  bad.push(1); bad.push(2);
  process.nextTick(() => bad.destroy(new Error('source broke')));
  await bad.map((x) => x * 10).toArray().catch(show('source'));
  const bad2 = from((async function* () { yield 'a'; throw new RangeError('gen'); })());
  await bad2.forEach((x) => console.log('each', x)).catch(show('forEach source'));

  // An aborted signal before and during.
  await from([1, 2]).toArray({ signal: AbortSignal.abort('early') }).catch(show('toArray'));
  const early = from([1, 2]);
  early.on('error', show('early error event'));
  await early.reduce((a, b) => a + b, 0, { signal: AbortSignal.abort('pre') }).catch(show('reduce'));
  console.log('destroyed', early.destroyed);
  await from([1, 2]).map(id, { signal: AbortSignal.abort() }).toArray().catch(show('map'));
  await from([1, 2]).drop(0, { signal: AbortSignal.abort() }).toArray().catch(show('drop'));
  await from([1, 2]).take(1, { signal: AbortSignal.abort() }).toArray().catch(show('take'));
  const ac = new AbortController();
  await from([1, 2, 3]).map((x, { signal }) => {
    console.log('fn', x, signal.aborted, signal === ac.signal);
    if (x === 2) ac.abort('mid');
    return x;
  }, { signal: ac.signal }).toArray().catch(show('map mid'));
  const ac2 = new AbortController();
  await from([1, 2, 3]).reduce((a, b, { signal }) => {
    signal.addEventListener('abort', () => console.log('reducer signal aborted'));
    if (b === 2) ac2.abort();
    return a + b;
  }, 0, { signal: ac2.signal }).catch(show('reduce mid'));
  const ac3 = new AbortController();
  await from([1, 2, 3]).toArray({ signal: ac3.signal }).then(console.log);
  await from([1, 2, 3]).forEach((x) => { if (x === 1) ac3.abort(); }, { signal: ac3.signal }).catch(show('forEach'));

  // asIndexedPairs: deprecated (one warning), and node 20's AbortError message for it.
  console.log(await from(['a', 'b']).asIndexedPairs().toArray());
  console.log(await from(['c']).asIndexedPairs({}).toArray());
  const ac4 = new AbortController();
  const pairs = from([1, 2]).asIndexedPairs({ signal: ac4.signal });
  ac4.abort('late');
  await pairs.toArray().catch(show('pairs'));
}
main();
