// Array destructuring and its iterator: a member target's reference is taken before
// next() is called, an exception while assigning closes the iterator (its own error from
// return() is dropped), one thrown by next() does not, and a generator's return() at a
// yield inside the pattern closes it too.
const log = [];
function iterable(values, opts = {}) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          log.push('next');
          if (opts.nextThrows) throw new Error('next threw');
          return i < values.length ? { value: values[i++], done: false } : { done: true };
        },
        return() {
          log.push('return');
          if (opts.returnThrows) throw new Error('return threw');
          return {};
        },
      };
    },
  };
}
function show(label, f) {
  log.length = 0;
  try {
    f();
  } catch (e) {
    log.push(`caught ${e.message}`);
  }
  console.log(`${label}: ${log.join(', ')}`);
}
const thrower = () => {
  log.push('ref');
  throw new Error('ref threw');
};
const o = {};
show('reference first', () => { [{}[thrower()]] = iterable([1, 2]); });
show('rest reference first', () => { [...{}[thrower()]] = iterable([1, 2]); });
show('keys in order', () => { [o[(log.push('key a'), 'a')], o[(log.push('key b'), 'b')]] = iterable([1, 2, 3]); });
show('setter throws', () => { [{ set x(v) { throw new Error('setter threw'); } }.x] = iterable([1]); });
show('default throws', () => { [o.c = thrower()] = iterable([]); });
show('return() error dropped', () => { [{}[thrower()]] = iterable([1], { returnThrows: true }); });
show('next() throws', () => { [o.d] = iterable([1], { nextThrows: true }); });
show('nested pattern', () => { [[o.e, o.f = thrower()]] = iterable([iterable([1])]); });
show('declaration', () => { const [a, b = thrower()] = iterable([1]); });
show('for-of target', () => { for ([o.g, o.h = thrower()] of [iterable([1])]); });
console.log(o);
function* g() {
  [o[yield 'paused']] = iterable([1]);
  log.push('unreachable');
}
show('return() at a yield', () => {
  const it = g();
  log.push(it.next().value);
  log.push(JSON.stringify(it.return(7)));
});
show('done iterator not closed', () => { [o.i, o.j, o.k = thrower()] = iterable([1]); });
