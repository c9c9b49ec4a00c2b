// EventEmitter's whole API: prepend/once wrappers, listeners vs rawListeners, eventNames,
// 'newListener'/'removeListener' (with what node passes for single and array entries),
// removeAllListeners order, max listeners and its warning, errorMonitor, events.once,
// and the fields node's init sets (as inspect shows them).
const EventEmitter = require('events');
const e = new EventEmitter();
const log = (...a) => console.log(...a);
e.on('newListener', (name, fn) => log('newListener', name, fn.name));
e.on('removeListener', (name, fn) => log('removeListener', name, fn.name));
function a() { log('a'); }
function b() { log('b'); }
function c() { log('c'); }
e.on('x', a);
e.prependListener('x', b);
e.once('x', c);
e.prependOnceListener('x', function d() { log('d'); });
log(e.listeners('x').map(f => f.name), e.rawListeners('x').map(f => f.name), e.listenerCount('x'));
log(e.eventNames());
e.emit('x');
log(e.listeners('x').map(f => f.name));
e.on('x', a);
e.off('x', a);
log(e.listeners('x').map(f => f.name));
e.once('y', c);
e.off('y', c);
log(e.listenerCount('y'), e.eventNames());
e.removeAllListeners('x');
log(e.eventNames());
e.removeAllListeners();
log(e.eventNames());
log(e.getMaxListeners(), EventEmitter.defaultMaxListeners, e.setMaxListeners(1) === e, e.getMaxListeners());
try { e.setMaxListeners(-1); } catch (err) { log(err.code, err.message); }
e.on('z', a); e.on('z', b);
process.on('warning', (w) => log('warning', w.name, w.message, w.emitter === e, w.type, w.count));
const raw = e.rawListeners('z');
log(raw.length);
EventEmitter.once(e, 'ready').then((args) => log('once resolved', args));
e.emit('ready', 1, 2);
EventEmitter.once(e, 'other').catch((err) => log('once rejected', err.message));
e.emit('error', new Error('bad'));
const m = new EventEmitter();
m.on(EventEmitter.errorMonitor, (err) => log('monitor', err.message));
try { m.emit('error', new Error('boom')); } catch (err) { log('thrown', err.message); }
log(typeof EventEmitter.errorMonitor, EventEmitter.listenerCount(e, 'z'));
const fresh = new EventEmitter();
console.log(fresh);
fresh.on('a', () => {});
fresh.on('b', () => {}); fresh.on('b', () => {});
console.log(fresh, Object.keys(fresh));
class My extends EventEmitter {}
console.log(new My());

// The prototype's own fields, first in its keys as in node: an object made from it
// without init reads them.
log(Object.keys(EventEmitter.prototype).slice(0, 4));
const bare = Object.create(EventEmitter.prototype);
log(bare._events, bare._eventsCount, bare._maxListeners, bare.listenerCount('x'));
