// The longest string is 2**29 - 24 UTF-16 units, as in node: anything that would make a
// longer one throws RangeError: Invalid string length at once, and apply refuses an
// argument list longer than V8's. (Issue 12, item 7.)
function attempt(what, f) {
  try {
    const r = f();
    console.log(what, 'gave a value of length', r.length);
  } catch (e) {
    console.log(what, '->', e.name + ': ' + e.message);
  }
}

const MAX = 2 ** 29 - 24;
attempt('repeat one past', () => 'x'.repeat(MAX + 1));
attempt('padStart past', () => 'x'.padStart(MAX + 1));
attempt('padEnd past', () => 'x'.padEnd(2 ** 30, 'yz'));
attempt('join of holes', () => Array(2 ** 32 - 1).join('x'));
attempt('join with a long separator', () => [1, 2, 3].join('s'.repeat(MAX / 2 + 1)));

const half = 'h'.repeat(MAX / 2 + 1);
attempt('+', () => half + half);
attempt('+=', () => { let s = half; s += half; return s; });
attempt('template', () => `${half}${half}`);
attempt('concat', () => half.concat(half));
attempt('concat of three', () => 'a'.concat('b', half, half));
attempt('one that fits', () => half.slice(0, 1000) + 'h');

function count() { return arguments.length; }
attempt('apply 2**32', () => count.apply(null, { length: 2 ** 32 }));
attempt('apply past V8\'s list', () => count.apply(null, { length: 134217726, get 0() { throw new Error('read') } }));
