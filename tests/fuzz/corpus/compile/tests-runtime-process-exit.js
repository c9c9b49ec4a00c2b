// process.exit ends the process at once: later code, timers and ticks do not run.
setTimeout(() => console.log('never: timer'), 0);
process.nextTick(() => console.log('never: tick'));
function leave() {
  try {
    process.exit(5);
  } finally {
    console.log('never: finally');
  }
}
console.log('before exit');
leave();
console.log('never: after exit');
