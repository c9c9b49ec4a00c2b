// Writable: end(cb) with a _final that completes synchronously, on a tick, a microtask,
// an immediate or a timer: the order of _final, 'prefinish', end's callback (with
// null), 'finish', 'close' among the ticks around them; _final's error (thrown, or
// passed at once or later), a second end(), destroy() meanwhile, and write()'s answer
// and 'drain' when _write calls back at once (node 20.20 asks after the write).
const { Writable, Duplex, Transform } = require('stream');
const log = (...a) => console.log(...a);
const steps = [];
let current = 0;
function next() { if (current < steps.length) { log('--'); steps[current++](); } }
// The step ends at the stream's last event; the next one starts once everything queued
// by then has run.
function events(tag, s, last = 'close') {
  for (const e of ['prefinish', 'finish', 'close', 'error', 'drain']) {
    s.on(e, (x) => {
      log(tag, e, x ? x.message : '');
      if (e === last) setImmediate(next);
    });
  }
}
function ticks(tag) {
  process.nextTick(() => log(tag, 'tick 1'));
  process.nextTick(() => process.nextTick(() => log(tag, 'tick 2')));
  Promise.resolve().then(() => log(tag, 'microtask'));
}

function finalDeferred(tag, defer) {
  const w = new Writable({
    write(c, e, cb) { log(tag, 'write', String(c)); cb(); },
    final(cb) { log(tag, 'final'); defer(() => { log(tag, 'final done'); cb(); }); },
  });
  events(tag, w);
  w.write('a', () => log(tag, 'write cb'));
  w.end(function (...a) { log(tag, 'end cb', a, this === w); });
  ticks(tag);
}
steps.push(() => finalDeferred('sync', (f) => f()));
steps.push(() => finalDeferred('tick', (f) => process.nextTick(f)));
steps.push(() => finalDeferred('micro', (f) => queueMicrotask(f)));
steps.push(() => finalDeferred('immediate', (f) => setImmediate(f)));
steps.push(() => finalDeferred('timer', (f) => setTimeout(f, 1)));

steps.push(() => {
  const w = new Writable({
    write(c, e, cb) { log('async write', String(c)); setImmediate(cb); },
    final(cb) { log('async final'); setImmediate(() => { log('async final done'); cb(); }); },
  });
  events('async', w);
  w.write('a', () => log('async cb a'));
  w.end('b', () => log('async end cb'));
  log('async after end', w.writableLength, w.writableEnded, w.writableFinished);
});
function finalFails(tag, final, options = {}) {
  const w = new Writable({ ...options, write(c, e, cb) { cb(); }, final });
  events(tag, w, options.autoDestroy === false ? 'error' : 'close');
  w.end((e) => log(tag, 'end cb', e && (e.code || e.message)));
  ticks(tag);
}
steps.push(() => finalFails('throws', () => { throw new Error('final throws'); }));
steps.push(() => finalFails('cb-err', (cb) => cb(new Error('at once'))));
steps.push(() => finalFails('cb-err-later', (cb) => setImmediate(() => cb(new Error('later')))));
steps.push(() => finalFails('no-autodestroy', (cb) => cb(new Error('kept')), { autoDestroy: false }));
steps.push(() => finalFails('destroys', function () { this.destroy(new Error('destroyed in final')); }));
steps.push(() => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { setImmediate(() => { cb(); cb(); }); } });
  events('twice-cb', w);
  w.end(() => log('twice-cb end cb'));
});
steps.push(() => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { setImmediate(cb); } });
  events('end-twice', w, 'none');
  w.end(() => log('end-twice cb 1'));
  w.end(() => log('end-twice cb 2'));
  w.on('close', () => setImmediate(() => {
    w.end((e) => { log('end-twice cb 3', e.code); setImmediate(next); });
  }));
});
steps.push(() => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { setImmediate(cb); } });
  events('destroy', w);
  w.end((e) => log('destroy end cb', e && e.code));
  w.destroy();
});
steps.push(() => {
  const w = new Writable({ emitClose: false, write(c, e, cb) { cb(); }, final(cb) { setTimeout(cb, 1); } });
  events('no-close', w, 'finish');
  w.end('z', () => log('no-close end cb', w.closed, w.destroyed));
});
steps.push(() => {
  const t = new Transform({
    transform(c, e, cb) { cb(null, c); },
    flush(cb) { log('flush'); setImmediate(() => { log('flush done'); cb(null, 'tail'); }); },
  });
  events('transform', t);
  t.on('data', (d) => log('transform data', String(d)));
  t.on('end', () => log('transform end'));
  t.end('x', () => log('transform end cb'));
});
steps.push(() => {
  const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); }, final(cb) { log('half final'); setImmediate(cb); } });
  events('half', d);
  d.on('end', () => log('half end'));
  d.resume();
  d.push('a');
  d.push(null);
});
function writer(tag, options, last) {
  const w = new Writable({ write(c, e, cb) { log(tag, 'write', String(c)); cb(); }, ...options });
  events(tag, w, last);
  return w;
}
steps.push(() => {
  const w = writer('no-cb');
  w.write('a');
  w.end();
  ticks('no-cb');
});
steps.push(() => {
  const w = writer('object', { objectMode: true });
  w.write('a');
  w.end();
  ticks('object');
});
steps.push(() => {
  const w = writer('mixed');
  w.write('a');
  w.write('b', (...a) => log('mixed cb b', a));
  w.end('c');
  ticks('mixed');
});
steps.push(() => {
  const w = writer('hwm', { highWaterMark: 2 });
  log('hwm write', w.write('abc'), w.writableNeedDrain);
  log('hwm write', w.write('abc', () => log('hwm cb')), w.writableLength);
  const o = writer('hwm-object', { objectMode: true, highWaterMark: 1 }, 'none');
  log('hwm-object write', o.write('x'), o.writableNeedDrain);
  ticks('hwm');
  setImmediate(() => { w.end(); o.end(); });
});
steps.push(() => {
  const w = writer('errored', { autoDestroy: false, write(c, e, cb) { cb(new Error('write failed')); } }, 'none');
  w.write('a', (e) => log('errored write cb', e.message));
  setImmediate(() => {
    w.end((e) => log('errored end cb', e && e.message));
    log('errored after end');
    setImmediate(next);
  });
});
next();
