// What --trace-loop shows: the main script's microtasks, then each turn's phases.
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => console.log('tick from immediate'));
  setImmediate(() => console.log('immediate 2'));
});
