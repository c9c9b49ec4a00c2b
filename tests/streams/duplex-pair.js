// stream.duplexPair(options): two Duplexes back to back, what one writes the other reads;
// a write's callback waits until the other side reads; end() ends the other's reading.
// Also the order of stream's keys, stream._isArrayBufferView, and readable.compose with an aborted signal.
const stream = require('stream');
const { duplexPair } = stream;

async function main() {
  console.log(Object.keys(stream).join(' '));
  const [a, b] = duplexPair();
  console.log(a.constructor.name, Object.getPrototypeOf(a.constructor) === stream.Duplex, a !== b);
  const log = [];
  b.on('data', (c) => log.push(`b got ${c}`));
  a.on('data', (c) => log.push(`a got ${c}`));
  a.write('ping', () => log.push('ping taken'));
  b.write(Buffer.from('pong'), () => log.push('pong taken'));
  a.write('', () => log.push('empty written'));
  for (const s of [a, b]) for (const ev of ['finish', 'end', 'close']) s.on(ev, () => log.push(`${s === a ? 'a' : 'b'} ${ev}`));
  a.end();
  await new Promise((r) => setImmediate(r));
  b.end();
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  console.log(log);

  // Backpressure: a paused reader leaves the writer's callback waiting.
  const [w, r] = duplexPair({ objectMode: true, highWaterMark: 1 });
  let taken = 0;
  for (let i = 0; i < 3; i++) w.write({ i }, () => taken++);
  await new Promise((res) => setImmediate(res));
  console.log('before reading', taken, w.writableLength, r.readableLength);
  console.log(r.read(), r.read(), r.read());
  await new Promise((res) => setImmediate(res));
  console.log('after reading', taken, w.writableLength);
  w.destroy();
  r.destroy();

  console.log(stream._isArrayBufferView(new Uint8Array(1)), stream._isArrayBufferView(new DataView(new ArrayBuffer(1))),
    stream._isArrayBufferView([]), stream._isArrayBufferView(Buffer.alloc(0)), stream._isArrayBufferView.name);

  const composed = stream.Readable.from([1, 2]).compose(new stream.PassThrough({ objectMode: true }), { signal: AbortSignal.abort('stop') });
  await composed.toArray().catch((e) => console.log(e.name, e.code, e.message, e.cause));
}
main();
