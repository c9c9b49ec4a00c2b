// Graded exercise 9 of chapter 7: the lazy iterator helpers Iterator.prototype.map,
// filter, take and drop, and the %IteratorHelperPrototype% their results share. The
// expectation is node 20's: `node --harmony-iterator-helpers
// tests/exercises/07/iterator-helpers.js`.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([].values()));
for (const name of ['map', 'filter', 'take', 'drop']) {
  const d = Object.getOwnPropertyDescriptor(IteratorPrototype, name);
  console.log(name, typeof d.value, d.value.length, d.value.name, d.writable, d.enumerable, d.configurable);
}
const helper = [].values().map((x) => x);
const HelperPrototype = Object.getPrototypeOf(helper);
console.log(Object.getPrototypeOf(HelperPrototype) === IteratorPrototype, Reflect.ownKeys(HelperPrototype));
console.log(HelperPrototype[Symbol.toStringTag], Object.prototype.toString.call(helper), helper[Symbol.iterator]() === helper);
console.log(HelperPrototype.next.length, HelperPrototype.return.length, Object.keys(helper));

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
const all = (it) => { const out = []; for (let r = it.next(); !r.done; r = it.next()) out.push(r.value); return out; };
run('map', (log) => [...counter(3, log).map((v, i) => v * 10 + i)]);
run('filter', (log) => [...counter(5, log).filter((v, i) => v % 2 && i !== 4)]);
run('take', (log) => [...counter(5, log).take(2)]);
run('take(0)', (log) => all(counter(5, log).take(0)));
run('take more', (log) => all(counter(2, log).take(9)));
run('drop', (log) => [...counter(5, log).drop(3)]);
run('drop all', (log) => [...counter(2, log).drop(Infinity)]);
run('chained', (log) => [...counter(9, log).drop(1).filter((v) => v % 2).map((v) => v * v).take(3)]);
run('generator', () => [...(function* () { yield 'a'; yield 'b'; })().map((s) => s.toUpperCase())]);
run('laziness', (log) => { const it = counter(3, log).map((v) => v); log.push('made'); return it.next().value; });
run('results', (log) => { const it = counter(1, log).take(1); return JSON.stringify([it.next(), it.next()]); });

// return() closes the underlying iterator, before or after the first step. (node 20's
// V8 does not mark a helper finished after return() or its last value, so the test never
// steps a finished helper.)
run('return before start', (log) => { const it = counter(3, log).map((v) => v); return JSON.stringify(it.return()); });
run('return after a step', (log) => { const it = counter(3, log).filter(() => true); it.next(); return JSON.stringify(it.return()); });
run('break closes', (log) => { for (const v of counter(3, log).drop(1)) break; return 'broke'; });

// Arguments are checked when the helper is made; an error in the callback closes.
run('map(1)', (log) => counter(3, log).map(1));
run('filter()', (log) => counter(3, log).filter());
run('take(-1)', (log) => counter(3, log).take(-1));
run('take(NaN)', (log) => counter(3, log).take(NaN));
run('drop(-0.5)', (log) => [...counter(3, log).drop(-0.5)]);
run('drop(\'2\')', (log) => [...counter(3, log).drop('2')]);
run('drop(Symbol)', (log) => counter(3, log).drop(Symbol()));
run('map throws', (log) => [...counter(3, log).map((v) => { if (v === 2) throw new Error('at ' + v); return v; })]);
run('map on a non-object', () => IteratorPrototype.map.call(5, (x) => x));
run('take on a non-object', () => IteratorPrototype.take.call(null, 1));
run('next on a non-helper', () => HelperPrototype.next.call({}));
run('return on a non-helper', () => HelperPrototype.return.call({}));
run('bad next', () => [...Object.setPrototypeOf({ next: () => 1 }, IteratorPrototype).map((x) => x)]);
// next is read once, when the helper is made.
run('next read once', (log) => {
  const it = counter(3, log);
  let reads = 0;
  const wrapper = Object.setPrototypeOf({ get next() { reads++; return it.next.bind(it); } }, IteratorPrototype);
  const h = wrapper.map((x) => x);
  return [reads, [...h], reads];
});
