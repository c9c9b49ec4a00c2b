// Waits with no listener for the signal (or a listener added and removed again): the
// signal's default action ends the process; 'exit' listeners do not run.
const f = () => console.log('never');
if (process.argv[2] === 'removed') {
  process.on('SIGINT', f);
  process.on('SIGTERM', f);
  process.off('SIGINT', f);
  process.removeAllListeners('SIGTERM');
}
setInterval(() => {}, 1000);
process.on('exit', () => console.log('exit: never'));
console.log('ready');
