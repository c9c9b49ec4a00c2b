// Timers fire in order of expiry; equal delays fire in creation order;
// nextTicks run before the next timer; arguments are passed through.
// (Delays are far apart so that a slow machine cannot reorder them.)
const order = [];
setTimeout(() => order.push('t300'), 300);
setTimeout(() => order.push('t0-a'), 0);
setTimeout(() => order.push('t0-b'));
setTimeout((a, b) => order.push('args ' + a + ' ' + b), 40, 'x', 'y');
setTimeout(() => {
  order.push('t80');
  process.nextTick(() => order.push('tick inside t80'));
  setTimeout(() => order.push('nested t0'), 0);
}, 80);
const cancelled = setTimeout(() => order.push('never'), 1);
clearTimeout(cancelled);
process.nextTick(() => order.push('tick'));
setTimeout(() => {
  for (const item of order) console.log(item);
}, 320);
console.log('end of script');
