// for await over readables, Readable.from (arrays, generators, async generators, strings,
// promises), breaking out early destroys the stream, an error rejects the loop, and
// iterator({ destroyOnReturn: false }) leaves the stream open.
const { Readable } = require('stream');
const log = (...a) => console.log(...a);

async function main() {
  const chunks = [];
  for await (const c of Readable.from(['a', 'b', 'c'])) chunks.push(c);
  log('array', chunks);

  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  setImmediate(() => { r.push('x'); r.push('y'); r.push(null); });
  for await (const c of r) log('pushed later', c);
  log('after loop destroyed', r.destroyed, r.readableEnded);

  async function* slow() { yield 1; await null; yield Promise.resolve(2); yield 3; }
  for await (const n of Readable.from(slow())) log('async gen', n);

  for await (const s of Readable.from('whole string')) log('string', s);

  const early = Readable.from([1, 2, 3, 4]);
  early.on('close', () => log('early close'));
  for await (const n of early) {
    log('early', n);
    if (n === 2) break;
  }
  log('early destroyed', early.destroyed);

  const failing = new Readable({
    read() { this.destroy(new Error('read failed')); },
  });
  try {
    for await (const c of failing) log('never', c);
  } catch (e) {
    log('caught', e.message);
  }

  const kept = Readable.from([1, 2, 3]);
  for await (const n of kept.iterator({ destroyOnReturn: false })) {
    log('kept', n);
    break;
  }
  log('kept destroyed', kept.destroyed, 'next', kept.read());

  const withNull = Readable.from([1, null, 3]);
  try { for await (const n of withNull) log('withNull', n); } catch (e) { log(e.code, e.message); }

  try { Readable.from(42); } catch (e) { log(e.code, e.message); }
  const obj = Readable.from([{ a: 1 }]);
  log('from defaults', obj.readableObjectMode, obj.readableHighWaterMark);
}

main();
