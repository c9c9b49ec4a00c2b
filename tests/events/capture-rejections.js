// captureRejections: a listener's rejected promise goes to Symbol.for('nodejs.rejection')
// or, without one, to 'error' (on the next tick); the option, the static and its checks.
const EventEmitter = require('events');
const log = (...a) => console.log(...a);
const { captureRejectionSymbol } = EventEmitter;
log(captureRejectionSymbol === Symbol.for('nodejs.rejection'), EventEmitter.captureRejections);
log(Object.getOwnPropertyDescriptor(EventEmitter, 'captureRejections').enumerable);
log(Object.keys(new EventEmitter({ captureRejections: true })));
for (const bad of ['yes', 1]) {
  try { new EventEmitter({ captureRejections: bad }); } catch (e) { log(e.code, e.message); }
}
new EventEmitter({ captureRejections: 0 }); // falsy: not checked
try { EventEmitter.captureRejections = 'no'; } catch (e) { log(e.code, e.message); }

const steps = [];
steps.push(() => {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('go', async (a, b) => { log('go listener', a, b); throw new Error('kaboom'); });
  ee.on('error', (err) => log('error event', err.message, ee.listenerCount('error')));
  log('emit returns', ee.emit('go', 1, 2));
  process.nextTick(() => log('tick after emit'));
  Promise.resolve().then(() => log('micro after emit'));
});
steps.push(() => {
  const ee = new EventEmitter({ captureRejections: true });
  ee[captureRejectionSymbol] = function (err, type, ...args) { log('rejection hook', err, type, args, this === ee); };
  ee.on('go', () => Promise.reject('plain reason'));
  ee.emit('go', 'x', 'y');
});
steps.push(() => {
  const ee = new EventEmitter(); // capture off: the rejection is unhandled
  process.once('unhandledRejection', (r) => log('unhandled', r.message));
  ee.on('go', async () => { throw new Error('not captured'); });
  ee.emit('go');
});
steps.push(() => {
  EventEmitter.captureRejections = true;
  const ee = new EventEmitter();
  log('static on', EventEmitter.captureRejections, EventEmitter.prototype[Object.getOwnPropertySymbols(ee).find((s) => String(s) === 'Symbol(kCapture)')]);
  ee.on('go', async () => { throw new Error('via static'); });
  ee.on('go', () => 42); // not a thenable: ignored
  ee.on('go', () => ({ then(ok, fail) { fail(new Error('thenable')); } }));
  ee.on('error', (e) => log('static error', e.message));
  ee.emit('go');
  EventEmitter.captureRejections = false;
});
steps.push(() => {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('go', () => Promise.reject(new Error('then getter')));
  ee.on('error', function (e) { log('error once', e.message); return Promise.reject(new Error('from error listener')); });
  process.once('unhandledRejection', (r) => log('unhandled 2', r.message));
  ee.emit('go');
});
steps.push(() => {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('go', () => ({ get then() { throw new Error('then throws'); } }));
  ee.on('error', (e) => log('sync error', e.message));
  ee.emit('go');
  log('after sync error');
});
steps.push(() => {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('go', async () => { throw new Error('no error listener'); });
  process.once('uncaughtException', (e, origin) => log('uncaught', e.message, origin));
  ee.emit('go');
});
let i = 0;
function next() { if (i < steps.length) { log('--'); steps[i++](); setTimeout(next, 5); } }
next();
