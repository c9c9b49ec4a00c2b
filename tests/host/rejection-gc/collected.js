// A rejection nobody handles is reported once, and then its promise and reason are
// garbage like any other: node keeps them only weakly (for a handler that may still
// come), so a WeakRef to each is empty after a collection. One reason the program keeps
// stays, of course. Run with --expose-gc and an --unhandled-rejections mode.
let count = 0;
if (process.argv[2] === 'listener') {
  process.on('unhandledRejection', (reason) => console.log('unhandledRejection', ++count, reason.tag));
}
const kept = { tag: 'kept' };
const refs = {};
(function () {
  const reason = { tag: 'dropped' };
  const promise = Promise.reject(reason);
  refs.reason = new WeakRef(reason);
  refs.promise = new WeakRef(promise);
  Promise.reject(kept);
})();
setTimeout(() => {
  gc();
  setTimeout(() => {
    gc();
    console.log('dropped reason collected', refs.reason.deref() === undefined);
    console.log('its promise collected', refs.promise.deref() === undefined);
    console.log('kept reason', kept.tag, 'reports', count);
  }, 1);
}, 1);
