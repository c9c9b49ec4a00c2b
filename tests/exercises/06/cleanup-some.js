// Graded exercise 5 of chapter 6: FinalizationRegistry.prototype.cleanupSome(callback),
// which runs the cleanups the collector has queued for this registry now, synchronously,
// with the given callback (or the registry's own) instead of waiting for the cleanup
// task. As in node, the method exists only with --harmony-weak-refs-with-cleanup-some
// (cleanup-some.flags). The expectation is node 20's: `node --expose-gc
// --harmony-weak-refs-with-cleanup-some tests/exercises/06/cleanup-some.js`.
const proto = FinalizationRegistry.prototype;
const d = Object.getOwnPropertyDescriptor(proto, 'cleanupSome');
console.log(typeof d.value, d.value.name, d.value.length, d.writable, d.enumerable, d.configurable);

const log = [];
const registry = new FinalizationRegistry((held) => log.push('task ' + held));
const otherLog = [];
const other = new FinalizationRegistry((held) => otherLog.push(held));
// Nothing is queued yet: no callback runs, and the result is undefined.
console.log(registry.cleanupSome((held) => log.push('early ' + held)), log.splice(0));

// Three targets die in the next collection; the one that is unregistered first is not
// reported; the other registry's target is not this registry's business (its cleanup
// task runs later, at a moment the test does not look at).
(function () {
  const token = {}, a = {}, b = {}, c = {}, x = {};
  registry.register(a, 'a');
  registry.register(b, 'b', token);
  registry.register(c, 'c');
  registry.unregister(token);
  other.register(x, 'x');
})();
setTimeout(() => {
  gc();
  console.log(registry.cleanupSome((held) => log.push('some ' + held)), log.splice(0).sort(), otherLog);
  // Nothing left for this registry; without a callback the registry's own is used.
  console.log(registry.cleanupSome(), log.splice(0));
  (function () { const d = {}; registry.register(d, 'd'); })();
  setTimeout(() => {
    gc();
    console.log(registry.cleanupSome(), log.splice(0));
    setTimeout(() => console.log('later', log.splice(0).sort()), 0);
  }, 0);
}, 0);

// The callback must be callable (or undefined), and this a FinalizationRegistry.
for (const [label, f] of [
  ['number', () => registry.cleanupSome(1)],
  ['null', () => registry.cleanupSome(null)],
  ['receiver', () => proto.cleanupSome.call({}, () => {})],
  ['primitive receiver', () => proto.cleanupSome.call(1)],
]) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.name + ': ' + e.message);
  }
}
