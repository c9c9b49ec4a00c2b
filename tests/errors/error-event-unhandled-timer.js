// An unhandled 'error' event emitted deep inside a timer by a subclass of EventEmitter:
// "on Conn instance", and the frames the emit shares with the error's own stack cut to
// "[... lines matching original stack trace ...]".
const EventEmitter = require('events');
class Conn extends EventEmitter {}
const c = new Conn();
function deep(n) {
  if (n === 0) c.emit('error', new Error('deep'));
  else deep(n - 1);
}
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => deep(4), 1);
