// Waits for SIG (argv[2]) with a listener: says 'ready', then reports the signal and
// stops its interval, so the process ends of itself with the status it chooses.
const sig = process.argv[2];
const keep = setInterval(() => {}, 1000);
process.on(sig, (name, number) => {
  console.log('got', name, number, typeof number);
  clearInterval(keep);
  process.exitCode = 3;
});
process.on('exit', (code) => console.log('exit', code));
console.log('ready');
