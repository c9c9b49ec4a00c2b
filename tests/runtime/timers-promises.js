// require('timers') and require('timers/promises'): the promise forms of setTimeout and
// setImmediate, scheduler.wait/yield, setInterval as an async generator, the option
// checks (which reject rather than throw), and an unref'd timer that lets the process end.
const tp = require('timers/promises');
const timers = require('timers');
console.log(timers.setTimeout === setTimeout, timers.clearInterval === clearInterval,
  timers.promises === tp, require('node:timers/promises') === tp);
console.log(tp.setTimeout.name, tp.setTimeout.length, tp.setImmediate.length,
  tp.setInterval.length, typeof tp.scheduler, String(tp.scheduler), Object.keys(tp));

(async () => {
  for (const options of [5, { ref: 5 }, { signal: 5 }]) {
    await tp.setTimeout(1, 'x', options).catch((e) => console.log(e.code, e.message));
  }
  console.log('timeout', await tp.setTimeout(2, 'value'));
  console.log('immediate', await tp.setImmediate('imm'));
  console.log('wait', await tp.scheduler.wait(1));
  console.log('yield', await tp.scheduler.yield());
  const order = [];
  await Promise.all([
    tp.setTimeout(2).then(() => order.push('first')), // equal delays: creation order
    tp.setTimeout(2).then(() => order.push('second')),
  ]);
  console.log(order.join(', '));

  let n = 0;
  for await (const v of tp.setInterval(1, 'tick')) {
    console.log('interval', v, ++n);
    if (n === 3) break;
  }
  console.log('interval loop done: break cleared it');
  const it = tp.setInterval(1, 'z', { ref: 'no' });
  await it.next().catch((e) => console.log('interval', e.code, e.message));

  tp.setTimeout(100000, 'never', { ref: false }).then(console.log);
  console.log('an unref timer does not keep the process alive');
})();
