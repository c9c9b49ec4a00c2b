// Graded exercise 7 of chapter 8: process.setUncaughtExceptionCaptureCallback(fn) and
// process.hasUncaughtExceptionCaptureCallback(). While fn is set it receives every
// uncaught exception (an unhandled rejection too) in place of the 'uncaughtException'
// listeners, after the 'uncaughtExceptionMonitor' ones, and the process goes on; null
// removes it. Setting a second one, or a value that is no function, is node's error.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/08/capture-callback.js).
console.log(process.hasUncaughtExceptionCaptureCallback());
process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.message, origin));
process.on('uncaughtException', (e, origin) => console.log('listener', e.message, origin));
process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message));
console.log(process.hasUncaughtExceptionCaptureCallback());
for (const fn of [() => {}, 5, undefined]) {
  try {
    process.setUncaughtExceptionCaptureCallback(fn);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
setTimeout(() => {
  throw new Error('from a timer');
}, 1);
setTimeout(() => {
  Promise.reject(new Error('a rejection'));
}, 2);
setTimeout(() => {
  process.setUncaughtExceptionCaptureCallback(null);
  console.log(process.hasUncaughtExceptionCaptureCallback());
  setImmediate(() => {
    throw new Error('after null');
  });
}, 3);
process.on('exit', (code) => console.log('exit', code));
