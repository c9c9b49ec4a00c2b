// A cleanup callback that throws: the error goes to 'uncaughtException', and the other
// cleanups of the task still run; their microtasks run after the task. The second
// target is kept alive until the immediate, so that only the explicit collections decide
// when each target dies (under GC stress every allocation collects).
globalThis.registry = new FinalizationRegistry((held) => {
  Promise.resolve().then(() => console.log('microtask after', held));
  if (held === 'bad') throw new Error('cleanup failed');
  console.log('cleanup', held);
});
(() => registry.register({}, 'bad'))();
gc();
process.on('uncaughtException', (e) => console.log('uncaught:', e.message));
let good = {};
registry.register(good, 'good');
setImmediate(() => {
  good = null;
  gc();
  console.log('collected in an immediate');
});
