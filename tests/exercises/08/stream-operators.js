// Graded exercise 8 of chapter 8: node 20's stream operators on Readable.prototype:
// map, filter (each returns a new Readable of the results; the function may be async and
// gets { signal }), forEach, toArray and reduce (each returns a promise), take and drop.
// Only the order of the results is checked, not how far ahead a stream is read.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/08/stream-operators.js).
const { Readable } = require('stream');
const from = (items) => Readable.from(items);
const show = (e) => console.log(e.name, e.code, e.message);
(async () => {
  const doubled = from([1, 2, 3, 4]).map(async (x) => x * 2);
  console.log(doubled instanceof Readable, doubled.readableObjectMode);
  console.log(await doubled.filter((x) => x > 2).toArray());
  console.log(await from([1, 2]).map((x, options) => typeof options.signal.aborted).toArray());
  console.log(await from([1, 2, 3, 4, 5]).drop(1).take(3).toArray());
  console.log(await from([1, 2]).take(0).toArray(), await from([1, 2]).drop(5).toArray());
  console.log(await from(['a', 'b']).forEach((x) => console.log('each', x)));
  console.log(await from([1, 2, 3]).reduce((sum, x) => sum + x, 10));
  console.log(await from([1, 2, 3]).reduce(async (sum, x) => sum * x));
  console.log(await from([]).reduce((sum, x) => sum + x, 'empty'));
  await from([]).reduce((a, b) => a + b).catch(show);
  console.log(await from([Buffer.from('ab'), Buffer.from('c')]).map((b) => b.toString()).toArray());
  try { from([1]).map(5); } catch (e) { show(e); }
  try { from([1]).take(-1); } catch (e) { show(e); }
  await from([1]).forEach('x').catch(show);
  await from([1, 2]).map((x) => { if (x === 2) throw new Error('in map'); return x; }).toArray().catch(show);
})();
