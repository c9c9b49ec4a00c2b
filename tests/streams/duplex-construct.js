// _construct: a Duplex's _read, _write and _final wait for it, and run on the tick after
// its callback (at once, on a tick, from an immediate); its error; destroy() called
// before it calls back waits for it; a Readable and a Writable constructed side by side.
const { Duplex, Readable, Writable } = require('stream');
const log = (...a) => console.log(...a);
const steps = [];
let current = 0;
function next() { if (current < steps.length) { log('--'); steps[current++](); } }
function ticks(tag) {
  process.nextTick(() => log(tag, 'tick 1'));
  process.nextTick(() => process.nextTick(() => log(tag, 'tick 2')));
  process.nextTick(() => process.nextTick(() => process.nextTick(() => log(tag, 'tick 3'))));
  Promise.resolve().then(() => log(tag, 'microtask'));
}
function duplex(tag, defer) {
  const d = new Duplex({
    construct(cb) { log(tag, 'construct'); defer(() => { log(tag, 'constructed'); cb(); }); },
    read() { log(tag, 'read'); this.push('r'); this.push(null); },
    write(c, e, cb) { log(tag, 'write', String(c)); cb(); },
    final(cb) { log(tag, 'final'); cb(); },
  });
  for (const e of ['data', 'end', 'prefinish', 'finish', 'close', 'error']) {
    d.on(e, (x) => log(tag, e, x === undefined ? '' : String(x)));
  }
  d.on('close', () => setImmediate(next));
  d.write('w1', () => log(tag, 'w1 cb'));
  d.end('w2', () => log(tag, 'end cb'));
  ticks(tag);
}
steps.push(() => duplex('sync', (f) => f()));
steps.push(() => duplex('tick', (f) => process.nextTick(f)));
steps.push(() => duplex('immediate', (f) => setImmediate(f)));
steps.push(() => {
  const d = new Duplex({
    construct(cb) { log('fails construct'); cb(new Error('cannot open')); },
    read() { log('fails read'); },
    write(c, e, cb) { log('fails write'); cb(); },
  });
  for (const e of ['end', 'finish', 'close', 'error']) d.on(e, (x) => log('fails', e, x ? x.message : ''));
  d.on('close', () => setImmediate(next));
  d.write('x', (e) => log('fails write cb', e && e.message));
  ticks('fails');
});
function destroyEarly(tag, constructError, destroyError) {
  const d = new Duplex({
    construct(cb) {
      log(tag, 'construct');
      setImmediate(() => { log(tag, 'constructed'); cb(constructError); });
    },
    read() {},
    write(c, e, cb) { cb(); },
    destroy(e, cb) { log(tag, '_destroy', e && e.message, e && e.errors && e.errors.map((x) => x.message)); cb(e); },
  });
  for (const e of ['close', 'error']) d.on(e, (x) => log(tag, e, x ? x.message : ''));
  d.on('close', () => setImmediate(next));
  d.destroy(destroyError, (e) => log(tag, 'destroy cb', e && e.message));
  log(tag, 'destroyed', d.destroyed);
}
steps.push(() => destroyEarly('destroy', undefined, new Error('early')));
steps.push(() => destroyEarly('destroy-plain'));
steps.push(() => destroyEarly('both', new Error('construct failed'), new Error('destroyed')));
steps.push(() => {
  const r = new Readable({ construct(cb) { log('r construct'); cb(); }, read() { log('r read'); this.push(null); } });
  r.on('end', () => log('r end'));
  r.on('close', () => { log('r close'); setImmediate(next); });
  r.resume();
  const w = new Writable({ construct(cb) { log('w construct'); cb(); }, write(c, e, cb) { log('w write'); cb(); } });
  w.on('finish', () => log('w finish'));
  w.on('close', () => log('w close'));
  w.end('x');
  ticks('rw');
});
next();
