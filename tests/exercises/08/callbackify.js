// Exercise 8.5: util.callbackify(asyncFn), the other way round: the callback gets
// (null, value) or (err) on a later tick, and a falsy rejection reason is wrapped in
// node's ERR_FALSY_VALUE_REJECTION error.
const util = require('util');
async function ok(x) { return x + 1; }
async function bad() { throw new Error('nope'); }
async function falsy() { throw null; }
util.callbackify(ok)(1, (err, v) => console.log('ok', err, v));
util.callbackify(bad)((err, v) => console.log('bad', err.message, v));
util.callbackify(falsy)((err) => console.log('falsy', err.message, err.code, err.reason));
try {
  util.callbackify(ok)(1);
} catch (e) {
  console.log(e.code);
}
try {
  util.callbackify('not a function');
} catch (e) {
  console.log(e.code, e.message);
}
console.log('synchronous part done');
