// AbortController and AbortSignal: abort, reason, onabort, throwIfAborted, addEventListener's
// signal option, AbortSignal.abort/any/timeout, inspect, and their errors.
const log = (...a) => console.log(...a);
const ac = new AbortController();
log(ac, ac.signal, ac.signal.aborted, ac.signal.reason, ac.signal.onabort);
ac.signal.onabort = (e) => log('onabort', e.type, e.isTrusted, e.target === ac.signal);
ac.signal.addEventListener('abort', () => log('listener'), { once: true });
ac.abort();
ac.abort('again'); // nothing: already aborted
log(ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason.code,
    ac.signal.reason instanceof DOMException, ac.signal);
try { ac.signal.throwIfAborted(); } catch (e) { log('thrown', e === ac.signal.reason); }

const ac2 = new AbortController();
ac2.abort({ why: 'custom' });
log(ac2.signal.reason);

const s = AbortSignal.abort('r');
log(s.aborted, s.reason, AbortSignal.abort().reason.name);

// A listener added with a signal goes away when the signal aborts.
const t = new EventTarget();
const ctl = new AbortController();
t.addEventListener('x', () => log('x heard'), { signal: ctl.signal });
t.dispatchEvent(new Event('x'));
ctl.abort();
t.dispatchEvent(new Event('x'));
t.addEventListener('x', () => log('never added'), { signal: ctl.signal });
t.dispatchEvent(new Event('x'));

// AbortSignal.any follows the first source to abort.
const a1 = new AbortController(), a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.addEventListener('abort', () => log('any aborted:', any.reason));
a2.abort('second');
a1.abort('first');
log(AbortSignal.any([AbortSignal.abort('pre'), a1.signal]).reason, AbortSignal.any([]).aborted);

// onabort replaced and cleared.
const ac3 = new AbortController();
ac3.signal.onabort = () => log('old handler');
ac3.signal.onabort = () => log('new handler');
const h = ac3.signal.onabort;
ac3.signal.onabort = null;
log(typeof h, ac3.signal.onabort);
ac3.abort();

// AbortSignal.timeout: its timer is unref'd; a referenced timer keeps the process alive.
const ts = AbortSignal.timeout(1);
ts.onabort = () => log('timeout', ts.reason.name, ts.reason.message, ts.reason.code);
setTimeout(() => log('after timeout:', ts.aborted), 50);
AbortSignal.timeout(100000); // would keep the process alive were it referenced

const errors = [
  () => new AbortSignal(),
  () => AbortSignal.prototype.aborted,
  () => AbortSignal.timeout(-1),
  () => AbortSignal.timeout(1.5),
  () => AbortSignal.timeout('1'),
  () => AbortSignal.any(5),
  () => AbortSignal.any([ac.signal, 5]),
  () => AbortController.prototype.signal,
];
for (const f of errors) {
  try { f(); log('no error'); } catch (err) { log(err.name, err.code, err.message); }
}
log(Object.getOwnPropertyNames(AbortSignal.prototype).join(), Object.keys(AbortSignal));
log(Object.prototype.toString.call(ac), Object.prototype.toString.call(ac.signal));
log(typeof Object.getOwnPropertyDescriptor(globalThis, 'AbortController').get);
