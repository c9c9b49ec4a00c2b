// The end of the loop: 'beforeExit' fires when nothing is left, again after the work it
// scheduled (a timer, an immediate, a promise), not after a nextTick-only round; then
// 'exit' with the code, where new timers never run; process.exitCode set on the way.
let rounds = 0;
process.on('beforeExit', (code) => {
  rounds++;
  console.log('beforeExit', rounds, code, process.exitCode);
  if (rounds === 1) setTimeout(() => console.log('timer from beforeExit'), 1);
  if (rounds === 2) setImmediate(() => { console.log('immediate from beforeExit'); process.exitCode = 3; });
  if (rounds === 3) Promise.resolve().then(() => console.log('promise from beforeExit'));
  if (rounds === 4) process.nextTick(() => console.log('tick from beforeExit'));
});
process.on('exit', (code) => {
  console.log('exit', code, process.exitCode, rounds);
  setTimeout(() => console.log('never'), 0);
  setImmediate(() => console.log('never'));
  process.nextTick(() => console.log('never'));
});
setTimeout(() => console.log('first timer'), 1);
console.log('script end');
