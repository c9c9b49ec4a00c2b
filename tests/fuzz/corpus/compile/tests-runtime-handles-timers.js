// Loop callbacks own their GC handles: 40,000 timers, immediates and file reads each
// push handles when they fire, and none of them outlives its callback.
const fs = require('fs');
let fired = 0, immediates = 0, reads = 0, ticks = 0;
for (let i = 0; i < 40000; i++) setTimeout(() => { fired++; }, 1);
for (let i = 0; i < 40000; i++) setImmediate((n) => { immediates += n; }, 1);
for (let i = 0; i < 40000; i++) process.nextTick((a, b) => { ticks += a + b; }, 1, 0);
let pending = 1000;
const again = () => fs.readFile(__filename, 'utf8', (err, text) => {
  reads += text.length > 0;
  if (--pending > 0) again();
});
for (let i = 0; i < 70; i++) setTimeout(() => {}, 1).unref();
again();
process.on('exit', () => console.log(fired, immediates, ticks, reads));
