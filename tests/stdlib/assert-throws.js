// assert.throws, doesNotThrow, rejects, doesNotReject
const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); }
  catch (e) {
    console.log(e.name, e.code, e.operator, e.generatedMessage);
    console.log(e.message);
    console.log('---');
  }
}
const boom = () => { throw new TypeError('boom'); };
show(() => assert.throws(boom));
show(() => assert.throws(boom, TypeError));
show(() => assert.throws(boom, RangeError));
show(() => assert.throws(boom, Error));
show(() => assert.throws(boom, /boom/));
show(() => assert.throws(boom, /bang/));
show(() => assert.throws(boom, { message: 'boom', name: 'TypeError' }));
show(() => assert.throws(boom, { message: 'bang' }));
show(() => assert.throws(boom, { message: /bo/ }));
show(() => assert.throws(boom, (e) => e instanceof TypeError));
show(() => assert.throws(boom, function check(e) { return 1; }));
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, TypeError));
show(() => assert.throws(() => {}, TypeError, 'should throw'));
show(() => assert.throws(() => {}, 'should throw'));
show(() => assert.throws(boom, 'boom'));
show(() => assert.throws(boom, 3));
show(() => assert.throws(boom, {}));
show(() => assert.throws(5));
show(() => assert.throws(() => { throw 'str'; }, { a: 1 }));
show(() => assert.throws(boom, new TypeError('boom')));
show(() => assert.throws(boom, new TypeError('other')));
show(() => assert.doesNotThrow(() => 1));
show(() => assert.doesNotThrow(boom));
show(() => assert.doesNotThrow(boom, 'it threw'));
show(() => assert.doesNotThrow(boom, RangeError));
show(() => assert.doesNotThrow(boom, TypeError, 'msg'));
class MyError extends Error {}
show(() => assert.throws(() => { throw new MyError('m'); }, MyError));
show(() => assert.throws(() => { throw new Error('m'); }, MyError));
(async () => {
  const r = (p) => p.then(() => console.log('resolved'), (e) => { console.log('rejected', e.name, e.message); });
  await r(assert.rejects(Promise.reject(new Error('x')), Error));
  await r(assert.rejects(Promise.resolve(1)));
  await r(assert.rejects(async () => { throw new TypeError('t'); }, RangeError));
  await r(assert.rejects(() => 5));
  await r(assert.rejects(5));
  await r(assert.doesNotReject(Promise.resolve(1)));
  await r(assert.doesNotReject(Promise.reject(new Error('nope'))));
  await r(assert.rejects(Promise.reject(new Error('x')), /y/));
})();
