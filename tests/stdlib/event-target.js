// EventTarget, Event and CustomEvent: dispatch order, once, capture, duplicates, handleEvent,
// stopImmediatePropagation, preventDefault, removal during dispatch, inspect and errors.
const log = (...a) => console.log(...a);
const t = new EventTarget();
const a = (e) => log('a', e.type, e.eventPhase, e.target === t, e.currentTarget === t);
t.addEventListener('x', a);
t.addEventListener('x', a); // duplicate: ignored
t.addEventListener('x', a, true); // same listener, capture: a second registration
t.addEventListener('x', () => log('once'), { once: true });
t.addEventListener('x', { handleEvent(e) { log('handleEvent', this !== t, e.type); } });
log(t.dispatchEvent(new Event('x')));
log(t.dispatchEvent(new Event('x')));
t.removeEventListener('x', a);
t.removeEventListener('x', a, { capture: true });
log(t.dispatchEvent(new Event('x')));

const u = new EventTarget();
const second = () => log('never');
u.addEventListener('y', (e) => { log('first'); u.removeEventListener('y', second); });
u.addEventListener('y', second);
u.addEventListener('y', () => u.addEventListener('y', () => log('added during dispatch')), { once: true });
u.dispatchEvent(new Event('y'));

const v = new EventTarget();
v.addEventListener('z', (e) => { e.stopImmediatePropagation(); log('stopper', e.cancelBubble); });
v.addEventListener('z', () => log('not reached'));
v.dispatchEvent(new Event('z'));

const c = new EventTarget();
c.addEventListener('c', (e) => e.preventDefault());
const ev = new Event('c', { cancelable: true });
log(c.dispatchEvent(ev), ev.defaultPrevented, ev.returnValue);
log(c.dispatchEvent(new Event('c')));

const e = new Event('foo', { bubbles: true, composed: 1 });
log(e.type, e.bubbles, e.cancelable, e.composed, e.isTrusted, e.eventPhase, e.target, e.composedPath());
log(typeof e.timeStamp, Event.NONE, Event.AT_TARGET, Object.keys(Event));
log(Object.prototype.toString.call(e), Object.prototype.toString.call(t));
log(require('util').inspect(t), [t], require('util').inspect(e, { depth: -1 }));
const ce = new CustomEvent('cc', { detail: { n: 1 } });
log(ce.detail, new CustomEvent('d').detail, ce instanceof Event, CustomEvent.name);
log(Object.getOwnPropertyNames(Event.prototype).join());
log(Object.keys(EventTarget.prototype), EventTarget[Symbol.for('nodejs.event_target')]);

const errors = [
  () => new Event(),
  () => new Event('x', 5),
  () => t.addEventListener('x'),
  () => t.addEventListener('x', 5),
  () => t.dispatchEvent({}),
  () => t.addEventListener('x', () => {}, { signal: 1 }),
  () => Event.prototype.type,
  () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}),
  () => { const r = new EventTarget(); r.addEventListener('r', (e) => r.dispatchEvent(e)); r.dispatchEvent(new Event('r')); },
  () => new CustomEvent(),
];
for (const f of errors) {
  try { f(); log('no error'); } catch (err) { log(err.name, err.code, err.message); }
}
process.on('uncaughtException', (err) => log('uncaught', err.message));
