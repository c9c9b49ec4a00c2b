// return(v) to an async generator paused in yield* awaits v before the inner iterator's
// return is looked up (AsyncGeneratorUnwrapYieldResumption), then awaits it again.
const actual = [];
const asyncIter = {
  [Symbol.asyncIterator]() { return this; },
  next() { return { done: false }; },
  get return() { actual.push('get return'); },
};
async function* f() {
  actual.push('start');
  yield* asyncIter;
  actual.push('never');
}
Promise.resolve(0)
  .then(() => actual.push('tick 1'))
  .then(() => actual.push('tick 2'))
  .then(() => actual.push('tick 3'))
  .then(() => console.log(actual.join(', ')));
const it = f();
it.next();
it.return({ get then() { actual.push('get then'); } }).then((r) => console.log('returned', r));
async function* g() { try { yield* [1, 2]; } finally { console.log('finally'); } }
const gi = g();
gi.next().then((r) => gi.return(Promise.resolve('late'))).then((r) => console.log(r));
