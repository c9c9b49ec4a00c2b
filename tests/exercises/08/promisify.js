// Exercise 8.4: util.promisify(fn) turns a function whose last argument is a callback
// (err, value) into one that returns a promise; the callback runs from the loop (here
// from setImmediate), the promise's reactions as microtasks after it.
const util = require('util');
function later(value, fail, callback) {
  setImmediate(() => (fail ? callback(new Error(`failed: ${value}`)) : callback(null, value * 2)));
}
const p = util.promisify(later);
console.log(p(1, false) instanceof Promise);
p(21, false).then((v) => console.log('resolved', v));
p(5, true).catch((e) => console.log('rejected', e.message));
function custom() {}
custom[util.promisify.custom] = () => 'the custom one';
console.log(util.promisify(custom)(), util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
const thrower = util.promisify(() => {
  throw new Error('thrown at once');
});
thrower().catch((e) => console.log('caught', e.message));
try {
  util.promisify(42);
} catch (e) {
  console.log(e.code, e.message);
}
console.log('synchronous part done');
