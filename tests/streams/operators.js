// The Readable operators of node 20: what each gives (a Readable in object mode or a
// promise), on plain values, async functions and byte streams; their names and lengths.
const { Readable } = require('stream');
const from = (a) => Readable.from(a);
const twice = async (x) => x * 2;

async function main() {
  const m = from([1, 2, 3]).map((x) => x + 1);
  console.log(m instanceof Readable, m.readableObjectMode, m.readableHighWaterMark);
  console.log('map', await m.toArray());
  console.log('map async', await from([1, 2, 3]).map(twice).toArray());
  console.log('filter', await from([1, 2, 3, 4, 5]).filter(async (x) => x % 2).toArray());
  console.log('flatMap', await from([1, 2]).flatMap((x) => [x, x * 10]).toArray());
  console.log('flatMap gen', await from([1, 2]).flatMap(async function* (x) { yield x; yield -x; }).toArray());
  console.log('drop', await from([1, 2, 3, 4]).drop(2).toArray(), await from([1, 2]).drop('x').toArray());
  console.log('take', await from([1, 2, 3, 4]).take(2).toArray(), await from([1, 2]).take(Infinity).toArray());
  console.log('take 0', await from([1, 2]).take(0).toArray(), await from([1, 2]).drop(1.5).toArray());
  const seen = [];
  console.log('forEach', await from([1, 2, 3]).forEach((x) => { seen.push(x); }), seen);
  console.log('some', await from([1, 2, 3]).some((x) => x > 2), await from([1, 2, 3]).some(async (x) => x > 5));
  console.log('every', await from([1, 2, 3]).every((x) => x > 0), await from([1, 2, 3]).every((x) => x < 3));
  console.log('every empty', await from([]).every(() => false), await from([]).some(() => true));
  console.log('find', await from([1, 2, 3]).find((x) => x > 1), await from([1, 2, 3]).find((x) => x > 9));
  console.log('reduce', await from([1, 2, 3]).reduce((a, b) => a + b), await from([1, 2, 3]).reduce((a, b) => a + b, 10));
  console.log('reduce async', await from(['a', 'b']).reduce(async (a, b, o) => a + b + typeof o.signal, ''));
  console.log('reduce one', await from([7]).reduce(() => 'never'), await from([]).reduce(() => 1, 'init'));
  console.log('toArray', await from([]).toArray(), await from('abc').toArray());

  // A byte stream: chunks are Buffers, the result is in object mode all the same.
  const bytes = new Readable({ read() {} });
  bytes.push('ab'); bytes.push('cd'); bytes.push(null);
  const lens = bytes.map((b) => b.toString().toUpperCase());
  console.log(lens.readableObjectMode, await lens.toArray());

  // Stopping early destroys the source.
  const src = from([1, 2, 3, 4]);
  src.on('close', () => console.log('source closed'));
  console.log('take 1', await src.take(1).toArray(), src.destroyed);
  const src2 = from([1, 2, 3]);
  console.log('some stops', await src2.some((x) => x === 1), src2.destroyed);

  // The chain reads the same through for await and through 'data'.
  const out = [];
  from([1, 2, 3, 4, 5, 6]).filter((x) => x % 2 === 0).map((x) => x * x).drop(1)
    .on('data', (x) => out.push(x)).on('end', () => console.log('data', out));

  const proto = Readable.prototype;
  for (const name of ['map', 'filter', 'flatMap', 'drop', 'take', 'asIndexedPairs', 'compose',
    'forEach', 'toArray', 'some', 'find', 'every', 'reduce']) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    console.log(name, d.value.name, d.value.length, d.enumerable, d.writable, d.configurable);
  }
}
main().catch((e) => console.log('FAILED', e));
