// EventEmitter's init on a new emitter: its five fields are added in one step once the
// first emitter has shown the way (vm_add_run_replay), yet every emitter still reads the
// live values and meets any setter that appears on its prototype chain, as in node.
const EventEmitter = require('events');
const fields = (e) => [Object.keys(e), e._maxListeners, e._eventsCount, Object.getOwnPropertySymbols(e).map((s) => [String(s), e[s]])];
for (let i = 0; i < 3; i++) console.log(fields(new EventEmitter()));
EventEmitter.prototype._maxListeners = 7; // a value changes: read, not remembered
console.log(fields(new EventEmitter()));
EventEmitter.captureRejections = true;
console.log(fields(new EventEmitter()));
EventEmitter.captureRejections = false;
class Quiet extends EventEmitter {}
Quiet.prototype._maxListeners = 3;
for (let i = 0; i < 2; i++) console.log(fields(new Quiet()));
function Old() { EventEmitter.call(this); this.x = 1; }
Object.setPrototypeOf(Old.prototype, EventEmitter.prototype);
for (let i = 0; i < 2; i++) console.log(fields(new Old()));
// A setter appears on the chain: the next emitters' adds go through it.
Object.defineProperty(EventEmitter.prototype, '_eventsCount', {
  get() { return 'from the getter'; },
  set(v) { console.log('setter saw', v); },
  configurable: true,
});
for (let i = 0; i < 2; i++) console.log(fields(new EventEmitter()));
const e = new EventEmitter();
e.on('x', (v) => console.log('x', v));
e.emit('x', 1);
console.log(e.listenerCount('x'), Object.keys(e._events));
