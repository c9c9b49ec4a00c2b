// Async generators: the queue of next/throw/return requests, awaiting yields and returns.
async function* ag(n) {
  try {
    for (let i = 0; i < n; i++) { const s = yield i; if (s) console.log('sent', s); await null; }
    return 'end';
  } finally { console.log('ag finally'); }
}
const it = ag(3);
it.next().then(r => console.log('1', r));
it.next('x').then(r => console.log('2', r));
it.next().then(r => console.log('3', r));
it.next().then(r => console.log('4', r));
it.next().then(r => console.log('5', r));
const it2 = ag(5);
it2.next().then(r => console.log('b1', r));
it2.return(Promise.resolve('R')).then(r => console.log('b2', r));
it2.next().then(r => console.log('b3', r));
const it3 = ag(2);
it3.throw(new Error('early')).catch(e => console.log('c1', e.message));
it3.next().then(r => console.log('c2', r));
async function* thrower() { yield 1; throw new Error('inside'); }
const t = thrower();
t.next().then(r => console.log('d1', r));
t.next().catch(e => console.log('d2', e.message));
t.next().then(r => console.log('d3', r));
console.log(Object.prototype.toString.call(it), typeof it[Symbol.asyncIterator], it[Symbol.asyncIterator]() === it);
async function* yp() { const v = yield Promise.resolve('awaited'); console.log('v', v); }
const y = yp(); y.next().then(r => console.log('e1', r)); y.next('sent').then(r => console.log('e2', r));
