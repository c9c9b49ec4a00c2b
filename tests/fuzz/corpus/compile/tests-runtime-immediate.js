// Inside a timer callback, setImmediate always runs before setTimeout(0),
// and nextTicks run before both.
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate 1'));
  setImmediate((a) => console.log('immediate 2', a), 'arg');
  process.nextTick(() => console.log('tick'));
}, 0);
