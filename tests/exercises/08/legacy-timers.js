// Graded exercise 8 of chapter 8: the legacy timer API of require('timers'), which old
// packages still call: enroll(item, msecs) makes any object a timer, active(item) starts
// it (or starts it again: a refresh), _unrefActive(item) does the same without keeping
// the loop alive, and unenroll(item) stops it. When it fires, the loop calls
// item._onTimeout() with the item as `this`, reading the method at that moment. Each
// function warns once that it is deprecated (DEP0095, DEP0126, DEP0127, DEP0096).
// No timing is tested, only order: timers fire in the order of their expiry.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/08/legacy-timers.js).
const timers = require('timers');
console.log(Object.keys(timers));

const make = (name) => ({
  _onTimeout() {
    console.log(name, 'fired, this is the item:', this === items[name]);
  },
});
const items = { a: make('a'), b: make('b'), c: make('c'), d: make('d'), never: make('never') };

for (const bad of [-1, 2 ** 31, 'soon', null]) {
  try {
    timers.enroll({}, bad);
  } catch (e) {
    console.log(`enroll(${String(bad)}):`, e.name, e.code, e.message);
  }
}

timers.enroll(items.a, 30);
console.log('a._idleTimeout', items.a._idleTimeout);
timers.active(items.a);
timers.enroll(items.b, 10);
timers.active(items.b);

// c is started at 40 ms and started again by d's sleeper, so it fires after d.
timers.enroll(items.c, 40);
timers.active(items.c);
timers.enroll(items.d, 50);
timers.active(items.d);
setTimeout(() => {
  console.log('c started again');
  timers.active(items.c);
}, 20);

// never is unenrolled before it fires: it does not.
timers.enroll(items.never, 5);
timers.active(items.never);
timers.unenroll(items.never);
console.log('never._idleTimeout', items.never._idleTimeout);

// The method is read when the timer fires.
items.b._onTimeout = function () {
  console.log('b fired with its new method');
};

// An unref'd legacy timer does not keep the process alive; the exit comes first.
const lazy = { _onTimeout() { console.log('lazy fired: wrong'); } };
timers.enroll(lazy, 100000);
timers._unrefActive(lazy);
process.on('exit', () => console.log('exit'));
