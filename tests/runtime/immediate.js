// Inside a timer callback, setImmediate always runs before setTimeout(0).
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => {
    console.log('immediate 1');
    setImmediate(() => console.log('immediate added by immediate'));
  });
  setImmediate(() => console.log('immediate 2'));
  process.nextTick(() => console.log('tick'));
}, 0);
