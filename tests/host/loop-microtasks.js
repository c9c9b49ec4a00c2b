// The microtask rules around every callback: all nextTicks (with those they queue) before
// any promise job, promise jobs and queueMicrotask in one FIFO, a nextTick queued by a
// promise job waiting for the queue to drain; await's ticks; the same after a timer, an
// immediate and an I/O callback as after the main script.
const fs = require('fs');
const log = [];
const note = (s) => log.push(s);
function burst(tag) {
  process.nextTick(() => {
    note(`${tag} tick 1`);
    process.nextTick(() => note(`${tag} tick in tick`));
    Promise.resolve().then(() => note(`${tag} promise in tick`));
  });
  Promise.resolve().then(() => {
    note(`${tag} promise 1`);
    process.nextTick(() => note(`${tag} tick in promise`));
    queueMicrotask(() => note(`${tag} microtask in promise`));
  });
  queueMicrotask(() => note(`${tag} microtask 1`));
  process.nextTick(() => note(`${tag} tick 2`));
  (async () => {
    note(`${tag} async start`);
    await null;
    note(`${tag} after await`);
    await new Promise((resolve) => resolve());
    note(`${tag} after second await`);
    return Promise.resolve('x'); // two more ticks
  })().then(() => note(`${tag} async returned`));
  Promise.resolve().then(() => note(`${tag} p1`)).then(() => note(`${tag} p2`)).then(() => note(`${tag} p3`));
  note(`${tag} sync end`);
}
burst('main');
setTimeout(() => {
  burst('timer');
  setImmediate(() => {
    burst('immediate');
    fs.readFile(__filename, () => {
      burst('readFile');
      setImmediate(() => console.log(log.join('\n')));
    });
  });
}, 1);
