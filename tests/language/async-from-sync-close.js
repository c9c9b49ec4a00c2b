// for await over a sync iterator, where the specification changed after node 20 (ecma262
// PR #2600; see async-from-sync-close.unlike-node): throw() on an iterator without a
// `throw` method closes it and rejects with a TypeError, and a rejected promise among the
// values closes the iterator, as a for-of body that throws would.
function source(name, values, withThrow) {
  let i = 0;
  const it = {
    [Symbol.iterator]() { return this; },
    next() { return i < values.length ? { value: values[i++], done: false } : { done: true }; },
    return() { console.log(name, 'closed'); return {}; },
  };
  if (withThrow) it.throw = (e) => { console.log(name, 'throw', e.message); return { done: true }; };
  return it;
}

(async () => {
  // yield* of a sync iterator inside an async generator, which is then thrown into
  async function* g(src) { yield* src; }
  for (const withThrow of [false, true]) {
    const it = g(source('no-throw: ' + !withThrow, [1, 2], withThrow));
    await it.next();
    try {
      console.log('result', await it.throw(new Error('t')));
    } catch (e) {
      console.log(e.constructor.name, e.message);
    }
  }

  // a rejected promise among the values: the loop throws, the iterator is closed
  try {
    for await (const v of source('rejects', [Promise.resolve(1), Promise.reject(new Error('no'))])) {
      console.log('v', v);
    }
  } catch (e) {
    console.log('caught', e.message);
  }

  // a value that is a rejected promise while done is true closes nothing
  const doneReject = {
    [Symbol.iterator]() { return this; },
    next() { return { value: Promise.reject(new Error('last')), done: true }; },
    return() { console.log('done-reject closed'); return {}; },
  };
  try {
    for await (const v of doneReject) console.log('v', v);
    console.log('loop ended');
  } catch (e) {
    console.log('caught', e.message);
  }

  // return() is not closed on rejection: break with a pending rejection in the values
  for await (const v of source('break', [Promise.resolve('a'), Promise.resolve('b')])) {
    console.log('v', v);
    break;
  }
})();
