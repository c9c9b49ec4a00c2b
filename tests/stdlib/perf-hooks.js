// perf_hooks and the global performance: the clock's shape, User Timing marks and
// measures with explicit times (so the output does not depend on the machine), the
// entry lists, PerformanceObserver's delivery from an immediate, node's errors.
const perfHooks = require('perf_hooks');
const { PerformanceEntry, PerformanceMark, PerformanceObserver } = perfHooks;
const t = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};
console.log(Object.keys(perfHooks));
console.log(perfHooks.performance === performance, typeof performance.now());
const a = performance.now();
const b = performance.now();
console.log(b >= a, a >= 0, Math.abs(performance.timeOrigin + a - Date.now()) < 1000);
console.log(Object.prototype.toString.call(performance), String(performance));
const d = Object.getOwnPropertyDescriptor(globalThis, 'performance');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
t(() => performance.measure('x', 'nope'));
t(() => performance.mark());
t(() => new PerformanceEntry());
t(() => new PerformanceMark());
t(() => new PerformanceMark('m', { startTime: 5, detail: { a: 1 } }));
t(() => performance.mark('m2', { startTime: 10, detail: [1] }));
t(() => performance.mark('m3', { startTime: -1 }));
t(() => performance.mark('m3', 5));
t(() => performance.measure('opt', { start: 1, end: 4, detail: 'd' }));
t(() => performance.measure('opt2', { start: 'm2', duration: 3 }));
t(() => performance.measure('marks', 'm2', 'm2'));
t(() => performance.getEntriesByName('m2'));
t(() => performance.getEntriesByName('m2', 'measure'));
t(() => performance.getEntries().map((e) => `${e.entryType}:${e.name}@${e.startTime}`));
t(() => performance.getEntriesByType('measure').map((e) => e.duration));
performance.clearMarks('m2');
t(() => performance.getEntries().map((e) => `${e.entryType}:${e.name}`));
performance.clearMarks();
performance.clearMeasures();
t(() => performance.getEntries().length);
const m = performance.mark('j', { startTime: 1 });
t(() => JSON.stringify(m));
t(() => m.toJSON());
t(() => [m instanceof PerformanceEntry, m instanceof PerformanceMark, m.constructor.name]);
const timed = performance.timerify(function square(x) { return x * x; });
t(() => [typeof timed, timed(7), timed.length]);
t(() => performance.timerify(1));
t(() => performance.eventLoopUtilization());
t(() => Object.keys(performance.nodeTiming.toJSON()));
t(() => PerformanceObserver.supportedEntryTypes);
t(() => new PerformanceObserver(1));
const obs = new PerformanceObserver((list, o) => {
  console.log('observed', list.getEntries().map((e) => e.name), o === obs);
  console.log('by type', list.getEntriesByType('mark').length, list.getEntriesByName('seen2').length);
  obs.disconnect();
  performance.mark('after disconnect');
  setImmediate(() => console.log('nothing more was observed'));
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('seen', { startTime: 20 });
performance.mark('seen2', { startTime: 21 });
performance.measure('seen3', { start: 20, end: 22 });
console.log('sync end');
Promise.resolve().then(() => console.log('microtask first'));
