// events.once with a signal and on EventTargets, events.on as an async iterator,
// events.addAbortListener, and timers/promises cancelled by a signal (node's AbortError).
const events = require('events');
const { setTimeout: sleep, setImmediate: immediate, setInterval: every } = require('timers/promises');
const log = (...a) => console.log(...a);
const show = (e) => log(e.name, e.code, e.message, e.cause);

async function main() {
  const ee = new events.EventEmitter();
  setImmediate(() => ee.emit('go', 1, 2));
  log('once', await events.once(ee, 'go'));
  const et = new EventTarget();
  setImmediate(() => et.dispatchEvent(new Event('ping')));
  const [ev] = await events.once(et, 'ping');
  log('once on an EventTarget', ev.type);

  const ac = new AbortController();
  const p = events.once(ee, 'never', { signal: ac.signal });
  ac.abort('stop');
  await p.catch(show);
  log('listeners left', ee.listenerCount('never'), ee.listenerCount('error'));
  await events.once(ee, 'x', { signal: AbortSignal.abort('pre') }).catch(show);
  await events.once(ee, 'x', { signal: 1 }).catch(show);
  setImmediate(() => ee.emit('error', new Error('bad')));
  await events.once(ee, 'x').catch((e) => log('error event:', e.message));

  // events.on: queued events, then the loop ends with an error, or an abort.
  const it = events.on(ee, 'data');
  ee.emit('data', 'a');
  ee.emit('data', 'b', 'c');
  setImmediate(() => ee.emit('error', new Error('done')));
  try {
    for await (const args of it) log('data', args);
  } catch (e) {
    log('on ended:', e.message, ee.listenerCount('data'));
  }
  const ac2 = new AbortController();
  setImmediate(() => { ee.emit('tick', 1); ac2.abort(); });
  try {
    for await (const [n] of events.on(ee, 'tick', { signal: ac2.signal })) log('tick', n);
  } catch (e) {
    log(e.name, e.code, e.message, e.cause.name);
  }
  const it2 = events.on(ee, 'e');
  ee.emit('e', 1);
  log(await it2.next(), await it2.return(), await it2.next(), ee.listenerCount('e'));
  try { events.on(ee, 'e', { signal: AbortSignal.abort() }); } catch (e) { log(e.name); }

  // addAbortListener: on abort, or in a microtask when already aborted.
  const ac3 = new AbortController();
  events.addAbortListener(ac3.signal, () => log('abort listener'));
  const d = events.addAbortListener(ac3.signal, () => log('disposed: never'));
  d[Object.getOwnPropertySymbols(d)[0]]();
  ac3.abort();
  events.addAbortListener(ac3.signal, () => log('already aborted'));
  log('after addAbortListener');
  await null;
  try { events.addAbortListener(undefined, () => {}); } catch (e) { log(e.code, e.message); }
  try { events.addAbortListener(ac3.signal, 1); } catch (e) { log(e.code, e.message); }

  // timers/promises
  const ac4 = new AbortController();
  const timer = sleep(100000, 'v', { signal: ac4.signal });
  ac4.abort('why');
  await timer.catch(show);
  await sleep(1, 'v', { signal: AbortSignal.abort() }).catch((e) => log(e.name, e.cause.name));
  log('resolved', await sleep(1, 'slept', { signal: new AbortController().signal }));
  log('resolved', await immediate('imm', { signal: new AbortController().signal }));
  const ac5 = new AbortController();
  const im = immediate('x', { signal: ac5.signal });
  ac5.abort();
  await im.catch((e) => log('immediate', e.name));
  await sleep(1, 'v', { signal: {} }).catch((e) => log(e.code, e.message));
  await sleep(1, 'v', { signal: ac5.signal, ref: 1 }).catch((e) => log(e.code, e.message));
  const ac6 = new AbortController();
  let n = 0;
  try {
    for await (const v of every(1, 'iv', { signal: ac6.signal })) {
      log('interval', v);
      if (++n === 2) ac6.abort('enough');
    }
  } catch (e) {
    show(e);
  }
  const e = new (require('events').EventEmitter)();
  log(typeof events.on, typeof events.addAbortListener, Object.keys(e).length >= 0);
}
main();
