// Graded exercise 4 of chapter 8: process.getActiveResourcesInfo() names what keeps the
// loop alive: one 'Timeout' for each ref'd active timer (intervals included), then one
// 'Immediate' for each ref'd queued immediate. Unref'd ones are not listed, nor ones that
// were cleared or have run. (stdout and stderr are files here: node lists no handle for
// them, as it would 'TTYWrap' or 'PipeWrap'.)
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/08/active-resources.js).
const show = (when) => console.log(when, process.getActiveResourcesInfo());
show('start');
const a = setTimeout(() => {}, 1000);
const b = setTimeout(() => {}, 1000);
setTimeout(() => {}, 1000).unref();
setImmediate(() => {
  show('in an immediate');
  const iv = setInterval(() => {
    show('in the interval');
    clearInterval(iv);
    clearTimeout(a);
    setImmediate(() => show('last'));
  }, 1);
  show('interval started');
});
setImmediate(() => {}).unref();
const gone = setImmediate(() => {});
clearImmediate(gone);
show('queued');
a.unref();
show('a unref');
clearTimeout(b);
show('b cleared');
a.ref();
show('a ref again');
