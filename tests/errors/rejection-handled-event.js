// 'rejectionHandled' when a rejection already reported (to an 'unhandledRejection'
// listener) gets a handler later: no warning then; and in the default mode, an
// 'uncaughtException' listener hears an unhandled rejection with origin
// 'unhandledRejection' once no 'unhandledRejection' listener is left.
const log = (...a) => console.log(...a);
const onUnhandled = (reason, promise) => log('unhandledRejection', reason, promise === p1);
process.on('unhandledRejection', onUnhandled);
process.on('rejectionHandled', (promise) => log('rejectionHandled', promise === p1));
process.on('uncaughtException', (err, origin) => log('uncaughtException', err.message, origin));
const p1 = Promise.reject('first');
setTimeout(() => {
  p1.catch(() => log('caught late'));
  setTimeout(() => {
    process.off('unhandledRejection', onUnhandled);
    Promise.reject(new Error('second'));
    Promise.reject(7);
  }, 1);
}, 1);
