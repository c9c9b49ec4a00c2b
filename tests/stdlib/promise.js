// Promise: the constructor, then/catch/finally, the statics, subclassing and species,
// thenables, and how console.log shows a promise.
const show = (label) => (v) => console.log(label, v);
const fail = (label) => (e) => console.log(label, e instanceof Error ? `${e.name}: ${e.message}` : e);

console.log(Promise.resolve(42), Promise.reject(new Error('no')).catch(() => {}), new Promise(() => {}));
const rejected = Promise.reject(3);
rejected.catch(() => {});
console.log(rejected, [Promise.resolve({ a: [1, 2] })], { p: Promise.resolve('s') });
console.log(typeof Promise, Promise.length, Promise.name, Object.prototype.toString.call(Promise.resolve()));
console.log(Object.getOwnPropertyNames(Promise).sort(), Object.getOwnPropertyNames(Promise.prototype));
console.log(Promise[Symbol.species] === Promise, Promise.prototype[Symbol.toStringTag]);

try { Promise(); } catch (e) { fail('call')(e); }
try { new Promise(1); } catch (e) { fail('resolver')(e); }
try { Promise.prototype.then.call({}); } catch (e) { fail('then')(e); }

new Promise((resolve, reject) => { resolve(1); reject(2); resolve(3); }).then(show('first wins'));
new Promise(() => { throw new Error('executor'); }).catch(fail('executor threw'));
new Promise((resolve) => { resolve('before'); throw new Error('ignored'); }).then(show('resolved first'));
const cycle = new Promise((r) => setTimeout(() => r(cycle)));
cycle.catch(fail('cycle'));

Promise.resolve(1).then(null, null).then(show('passed through'));
Promise.reject(new Error('e')).then(() => 'no').catch(fail('skipped then'));
Promise.resolve(2).finally(() => 'ignored').then(show('finally keeps'));
Promise.reject(new Error('f')).finally(() => {}).catch(fail('finally keeps reason'));
Promise.resolve(3).finally(() => { throw new Error('replaced'); }).catch(fail('finally throws'));

Promise.all([]).then(show('all empty'));
Promise.all([1, Promise.resolve(2), { then(r) { r(3); } }]).then(show('all'));
Promise.all([1, Promise.reject(new Error('one bad'))]).catch(fail('all rejects'));
Promise.allSettled([1, Promise.reject(4)]).then(show('allSettled'));
Promise.any([Promise.reject(1), Promise.resolve(2)]).then(show('any'));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => console.log('any fails', e.constructor.name, e.message, e.errors));
Promise.race([new Promise((r) => setTimeout(r, 20, 'slow')), new Promise((r) => setTimeout(r, 1, 'fast'))]).then(show('race'));
Promise.all(5).catch(fail('not iterable'));

function Sub(executor) {
  console.log('Sub constructed');
  const p = new Promise(executor);
  Object.setPrototypeOf(p, Sub.prototype);
  return p;
}
Object.setPrototypeOf(Sub, Promise);
Sub.prototype = Object.create(Promise.prototype, { constructor: { value: Sub, writable: true, configurable: true } });
const mine = Sub.resolve(1);
console.log(mine instanceof Sub, mine.then(() => {}) instanceof Sub);
Object.defineProperty(Sub, Symbol.species, { value: Promise });
console.log(mine.then(() => {}) instanceof Sub);
Sub.resolve(5).then(show('subclass then'));
const thenable = { then(onF) { console.log('thenable.then called'); onF('from thenable'); } };
Promise.resolve(thenable).then(show('thenable'));
const p = Promise.resolve('same');
console.log(Promise.resolve(p) === p);
