// Graded exercise 6 of chapter 8: util.aborted(signal, resource), a promise that
// settles (with undefined) when the signal aborts, at once if it has already aborted.
// Bad arguments reject it (it is an async function) with node's errors.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/08/util-aborted.js).
const util = require('util');
const ac = new AbortController();
const resource = {};
const p = util.aborted(ac.signal, resource);
console.log(p instanceof Promise, util.inspect(p));
p.then((v) => console.log('aborted with', v instanceof Event, v.type, ac.signal.reason.name));
ac.signal.addEventListener('abort', () => console.log('abort listener'));
setImmediate(() => {
  console.log('aborting');
  ac.abort();
  console.log('aborted');
});
util.aborted(AbortSignal.abort(), () => {}).then((v) => console.log('already aborted', v));
const attempts = [[undefined, {}], [{}, {}], [ac.signal, 'text'], [ac.signal], [ac.signal, null]];
for (const args of attempts) {
  util.aborted(...args).then(
    () => console.log('resolved'),
    (e) => console.log(e.name, e.code, e.message),
  );
}
