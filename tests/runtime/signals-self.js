// process.kill: a signal sent to this very process arrives through the event loop as
// process.emit(name, name, number); node's errors for a bad pid, an unknown signal, a
// process that does not exist, and SIGKILL, which cannot be listened for.
process.on('SIGUSR2', (name, num) => {
  console.log('got', name, num);
  clearTimeout(t);
});
const t = setTimeout(() => console.log('timeout: the signal never came'), 5000);
console.log(process.kill(process.pid, 'SIGUSR2'));
const attempts = [
  () => process.kill(2147483647),
  () => process.kill(1, 'FOO'),
  () => process.kill('x'),
  () => process.kill(1.5),
  () => process.kill(process.pid, 1000),
  () => process.on('SIGKILL', () => {}),
  () => process.on('SIGSTOP', () => {}),
  () => process.kill(process.pid, 1.5),
];
for (const f of attempts) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message, e.errno, e.syscall, Object.keys(e));
  }
}
console.log(process.listenerCount('SIGKILL'), process.kill(process.pid, 0),
            process.kill(String(process.pid), 0), process.kill(process.pid, 'SIGWINCH'));
