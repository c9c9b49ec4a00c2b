// Graded exercise 4 of chapter 6: --expose-gc's gc(options). V8 reads options.type and
// options.execution (in that order, each a string or ignored); execution 'async' makes
// gc() return a promise that resolves to undefined once the collection is done. The
// expectation is node 20's: `node --expose-gc tests/exercises/06/gc-options.js`.
const log = [];
const options = {
  get type() { log.push('type'); return 'major'; },
  get execution() { log.push('execution'); return 'async'; },
};
const p = gc(options);
console.log(p instanceof Promise, Object.getPrototypeOf(p) === Promise.prototype, log.splice(0));
console.log(gc(), gc({}), gc({ execution: 'sync' }), gc({ type: 'minor' }));
console.log(gc({ type: 'minor', execution: 'async' }) instanceof Promise);
// Anything else is ignored: values that are not strings are not converted.
const loud = { toString() { log.push('toString'); return 'async'; } };
console.log(gc('async'), gc(null), gc(1, 2), gc({ execution: 'ASYNC' }), gc({ execution: loud }), log.splice(0));
try {
  gc({ get type() { throw new Error('from the getter'); } });
} catch (e) {
  console.log('threw', e.message);
}
// The WeakRef's target dies in the collection, before the promise resolves.
let ref;
(function () { ref = new WeakRef({}); })();
setTimeout(() => {
  gc({ execution: 'async' }).then((v) => console.log('resolved', v, ref.deref()));
}, 0);
