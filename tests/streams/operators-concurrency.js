// map (and filter, forEach) with concurrency: how many calls of fn run at once, how far
// the reading runs ahead (highWaterMark), results in the order of the chunks whatever
// the order the calls finish in, and a failure reported in its place in that order.
// The calls finish when the test says so (deferred promises), never on a clock.
const { Readable } = require('stream');

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
const turn = () => new Promise((r) => setImmediate(r));

function source(n, log) {
  let i = 0;
  return new Readable({
    objectMode: true, highWaterMark: 1,
    read() {
      i++;
      log.push(`read ${i}`);
      this.push(i <= n ? i : null);
    },
  });
}

async function run(label, n, options, finishOrder, failAt) {
  const log = [];
  const calls = new Map();
  const mapped = source(n, log).map((x) => {
    log.push(`call ${x}`);
    const d = deferred();
    calls.set(x, d);
    return d.promise;
  }, options);
  const done = mapped.toArray().then((a) => log.push(`result ${a}`), (e) => log.push(`error ${e.message}`));
  mapped.on('data', (x) => log.push(`data ${x}`));
  for (const x of finishOrder) {
    await turn();
    log.push(`running ${[...calls.keys()].join(',')}`);
    const d = calls.get(x);
    if (!d) { log.push(`not called ${x}`); continue; }
    if (x === failAt) d.reject(new Error(`fail ${x}`)); else d.resolve(x * 10);
  }
  await done;
  console.log(label);
  console.log(' ', log.join('\n  '));
}

async function main() {
  await run('concurrency 1', 3, undefined, [1, 2, 3]);
  await run('concurrency 3, finishing backwards', 4, { concurrency: 3 }, [3, 2, 1, 4]);
  await run('concurrency 2, highWaterMark 0', 5, { concurrency: 2, highWaterMark: 0 }, [2, 1, 4, 3, 5]);
  await run('concurrency 2, highWaterMark 3', 6, { concurrency: 2, highWaterMark: 3 }, [1, 2, 3, 4, 5, 6]);
  await run('concurrency 3, the second fails last', 4, { concurrency: 3 }, [3, 1, 2, 4], 2);
  await run('concurrency 3, the third fails first', 5, { concurrency: 3 }, [3, 1, 2, 4, 5], 3);

  // filter and forEach run the same way.
  const order = [];
  const slow = new Map();
  const f = Readable.from([1, 2, 3, 4]).filter((x) => {
    order.push(`test ${x}`);
    const d = deferred();
    slow.set(x, d);
    return d.promise;
  }, { concurrency: 4 });
  const kept = f.toArray();
  await turn();
  for (const x of [4, 3, 2, 1]) slow.get(x).resolve(x % 2 === 0);
  console.log(order, await kept);
  const each = [];
  await Readable.from([1, 2, 3]).forEach(async (x) => {
    each.push(`start ${x}`);
    await turn();
    each.push(`end ${x}`);
  }, { concurrency: 2 });
  console.log(each);
}
main();
