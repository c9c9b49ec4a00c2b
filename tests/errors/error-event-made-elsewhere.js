// An Error made in one place and emitted, with no listener, from a timer: the report
// shows both stacks, with nothing in common.
const EventEmitter = require('events');
const e = new EventEmitter();
function make() { return new Error('made'); }
const err = make();
setTimeout(() => { e.emit('error', err); }, 1);
