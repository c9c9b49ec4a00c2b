// All nextTicks, including ticks added by ticks, run before later timers.
process.nextTick(() => {
  console.log('t1');
  process.nextTick(() => console.log('tick inside t1'));
});
process.nextTick((a, b) => console.log('t2', a, b), 'one', 2);
setTimeout(() => console.log('timer'), 0);
console.log('end of script');
