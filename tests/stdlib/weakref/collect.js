// WeakRef and FinalizationRegistry with a collector that runs on demand (--expose-gc):
// what a collection clears, what it keeps, and when the cleanup callbacks run.
const cleaned = [];
globalThis.registry = new FinalizationRegistry((held) => cleaned.push(held));

function makeRef() {
  return new WeakRef({ name: 'temporary' });
}
function registerGarbage() {
  registry.register({}, 'plain');
  registry.register({}, 'with token', {});
  const token = {};
  registry.register({}, 'unregistered', token);
  console.log('unregister:', registry.unregister(token), registry.unregister(token));
}

const survivor = { name: 'survivor' };
const ref = makeRef();
const kept = new WeakRef(survivor);
registry.register(survivor, 'survivor');
registerGarbage();
gc();
// A WeakRef made in this job keeps its target until the job ends.
console.log('same job:', ref.deref());
console.log('cleanups before the loop:', cleaned.length);

setImmediate(() => {
  gc();
  console.log('next job:', ref.deref(), kept.deref());
  console.log('cleaned:', cleaned.sort());
  const inner = new WeakRef({ n: 1 });
  gc();
  console.log('deref in the job that made it:', inner.deref());
  setImmediate(() => {
    gc();
    console.log('a job later:', inner.deref());
    // The last collection: its cleanup still runs before the process exits.
    (() => registry.register({}, 'last'))();
    gc();
    console.log('end of the last job');
  });
});

process.on('uncaughtException', (e) => console.log('uncaught:', e.message));
process.on('exit', () => console.log('at exit:', cleaned.sort(), survivor.name));
