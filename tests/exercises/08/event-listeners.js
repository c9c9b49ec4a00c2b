// Graded exercise 5 of chapter 8: events.getEventListeners(target, name),
// events.getMaxListeners(target) and events.setMaxListeners(n, ...targets), which take
// an EventEmitter or an EventTarget alike. An EventTarget gets a limit of its own (the
// warning follows it); with no targets, setMaxListeners changes the default.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/08/event-listeners.js).
const events = require('events');
process.on('warning', (w) => console.log(`${w.name}: ${w.message}`));
const ee = new events.EventEmitter();
const f = () => {}, g = () => {};
ee.on('x', f);
ee.once('x', g);
console.log(events.getEventListeners(ee, 'x'), events.getEventListeners(ee, 'none'));
console.log(events.getMaxListeners(ee));
const et = new EventTarget();
const h = { handleEvent() {} };
et.addEventListener('y', f);
et.addEventListener('y', g, { once: true });
et.addEventListener('y', h);
et.addEventListener('y', f); // a duplicate: not added
console.log(events.getEventListeners(et, 'y'), events.getEventListeners(et, 'z'));
et.removeEventListener('y', f);
console.log(events.getEventListeners(et, 'y'));
et.dispatchEvent(new Event('y'));
console.log(events.getEventListeners(et, 'y').length, events.getMaxListeners(et));
events.setMaxListeners(2, ee, et);
console.log(events.getMaxListeners(ee), events.getMaxListeners(et), ee.getMaxListeners());
const other = new EventTarget();
console.log(events.getMaxListeners(other));
for (let i = 0; i < 3; i++) et.addEventListener('w', () => {});
for (let i = 0; i < 3; i++) other.addEventListener('w', () => {});
process.nextTick(() => {
  events.setMaxListeners(1);
  console.log(events.defaultMaxListeners, events.getMaxListeners(new events.EventEmitter()));
  const bad = [
    () => events.getEventListeners({}, 'x'),
    () => events.getMaxListeners(5),
    () => events.setMaxListeners(-1, ee),
    () => events.setMaxListeners('2', ee),
    () => events.setMaxListeners(2, {}),
  ];
  for (const attempt of bad) {
    try { attempt(); } catch (e) { console.log(e.name, e.code, e.message); }
  }
});
