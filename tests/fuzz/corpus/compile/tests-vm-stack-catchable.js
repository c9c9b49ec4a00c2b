// Recursion that goes through natives (C calling back into JavaScript, which calls C
// again) ends in node's catchable RangeError under any stack size, and the program
// goes on. Run by tests/vm/stack-reentry.sh under 1 MiB, 8 MiB and unlimited stacks.
const util = require('util');
const EventEmitter = require('events');

function check(name, f) {
  try {
    f();
    console.log(name, 'returned');
  } catch (e) {
    console.log(name, e instanceof RangeError, e.message);
  }
}

check('map', () => { function f(n) { return [1].map(() => f(n + 1)); } f(0); });
check('reduce', () => { function f() { return [1, 2].reduce(() => f()); } f(); });
check('sort', () => { function c(a, b) { [2, 1].sort(c); return a - b; } [2, 1].sort(c); });
check('getter', () => { const o = { get x() { return this.x; } }; return o.x; });
check('setter', () => { const o = { set x(v) { this.x = v; } }; o.x = 1; });
check('toString', () => { const o = { toString() { return String(this); } }; return String(o); });
check('valueOf', () => { const o = { valueOf() { return this * 2; } }; return o * 2; });
check('toJSON', () => { const o = { toJSON() { return JSON.stringify(this); } }; JSON.stringify(o); });
check('hasInstance', () => {
  const C = { [Symbol.hasInstance](v) { return v instanceof C; } };
  return 1 instanceof C;
});
check('iterator', () => {
  const it = { [Symbol.iterator]() { return [...this][Symbol.iterator](); } };
  return [...it];
});
check('bound', () => { function f() { return [1].map(g); } const g = f.bind(null); f(); });
check('call', () => { function f() { return f.call(null); } f(); });
check('apply', () => { function f() { return f.apply(null, [1, 2]); } f(); });
check('new', () => { function F() { [1].map(() => new F()); } new F(); });
check('emit', () => {
  const e = new EventEmitter();
  e.on('x', () => e.emit('x'));
  e.emit('x');
});
check('custom inspect', () => {
  const o = { [util.inspect.custom]() { return util.inspect(this); } };
  util.inspect(o);
});
check('plain recursion', () => { function f() { f(); } f(); });
check('catch and retry', () => {
  let caught = 0;
  function f() { try { [1].map(f); } catch (e) { if (++caught < 3) f(); throw e; } }
  f();
});
console.log('continues');
