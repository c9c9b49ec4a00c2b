// The number of microtask ticks each kind of await takes, interleaved with .then
// chains, queueMicrotask and process.nextTick: the order must be node's exactly.
const log = [];
const say = (s) => () => log.push(s);

async function awaitsPlain() { log.push('p0'); await 1; log.push('p1'); await undefined; log.push('p2'); }
async function awaitsNative() { log.push('n0'); await Promise.resolve(); log.push('n1'); }
async function awaitsThenable() {
  log.push('t0');
  await { then(resolve) { log.push('then called'); resolve('v'); } };
  log.push('t1');
}
async function returnsPromise() { return Promise.resolve('rp'); }
async function returnsValue() { return 'rv'; }
async function throwsLater() { await null; throw new Error('late'); }

awaitsPlain();
awaitsNative();
awaitsThenable();
returnsPromise().then((v) => log.push(v));
returnsValue().then((v) => log.push(v));
throwsLater().catch((e) => log.push('caught ' + e.message));
Promise.resolve().then(say('c1')).then(say('c2')).then(say('c3')).then(say('c4')).then(say('c5'));
queueMicrotask(say('qm'));
process.nextTick(say('tick'));
new Promise((r) => r(Promise.resolve())).then(say('adopted'));
Promise.reject(new Error('r')).catch(say('rejection handled')).finally(say('finally'));
(async () => {
  const results = await Promise.all([1, Promise.resolve(2), { then: (r) => r(3) }]);
  log.push('all ' + results.join(','));
})();
log.push('sync end');
setTimeout(() => console.log(log.join('\n')), 0);
