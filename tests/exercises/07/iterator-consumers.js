// Graded exercise 9 of chapter 7: the iterator helpers that consume an iterator:
// Iterator.prototype.toArray, forEach, some, every, find and reduce. The expectation is
// node 20's: `node --harmony-iterator-helpers tests/exercises/07/iterator-consumers.js`.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([].values()));
for (const name of ['toArray', 'forEach', 'some', 'every', 'find', 'reduce']) {
  const d = Object.getOwnPropertyDescriptor(IteratorPrototype, name);
  console.log(name, typeof d.value, d.value.length, d.value.name, d.writable, d.enumerable, d.configurable);
}

// An iterator that logs every step, and whether it was closed.
function counter(n, log) {
  let i = 0;
  return Object.setPrototypeOf({
    next() { log.push('next'); return i < n ? { value: ++i, done: false } : { value: 'end', done: true }; },
    return() { log.push('return'); return {}; },
  }, IteratorPrototype);
}
function run(label, f) {
  const log = [];
  try {
    console.log(label, f(log), log.join(' '));
  } catch (e) {
    console.log(label, e.name + ': ' + e.message, log.join(' '));
  }
}
run('toArray', (log) => counter(3, log).toArray());
run('toArray of a generator', () => (function* () { yield 'a'; yield 'b'; })().toArray());
run('toArray of map entries', () => new Map([[1, 2]]).entries().toArray());
run('forEach', (log) => counter(3, log).forEach((v, i) => log.push(v + '@' + i)));
run('some', (log) => counter(5, log).some((v) => v === 2));
run('some none', (log) => counter(2, log).some((v) => v > 9));
run('every', (log) => counter(5, log).every((v) => v < 2));
run('every all', (log) => counter(2, log).every((v, i) => v === i + 1));
run('find', (log) => counter(5, log).find((v) => v % 2 === 0));
run('find none', (log) => counter(2, log).find(() => false));
run('reduce', (log) => counter(4, log).reduce((a, v) => a + v));
run('reduce with initial', (log) => counter(3, log).reduce((a, v, i) => a + v * i, 100));
run('reduce of nothing', (log) => counter(0, log).reduce((a, v) => a + v));
run('reduce of nothing with initial', (log) => counter(0, log).reduce((a, v) => a + v, 'x'));

// The callback is checked before the first step; an error thrown by it closes the iterator.
run('forEach(1)', (log) => counter(3, log).forEach(1));
run('some(undefined)', (log) => counter(3, log).some());
run('find throws', (log) => counter(3, log).find((v) => { if (v === 2) throw new Error('at ' + v); }));
run('toArray on a non-object', () => IteratorPrototype.toArray.call(5));
run('every on a non-object', () => IteratorPrototype.every.call('abc', () => true));
// next is read once, before the first step.
run('next read once', (log) => {
  const it = counter(3, log);
  let reads = 0;
  const wrapper = Object.setPrototypeOf({ get next() { reads++; return it.next.bind(it); } }, IteratorPrototype);
  return [wrapper.toArray(), reads];
});
// A next() that returns a non-object.
run('bad next', () => Object.setPrototypeOf({ next: () => 1 }, IteratorPrototype).toArray());
