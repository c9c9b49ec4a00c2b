// An 'error' event with an Error and no listener: node's report, thrown from its
// lib/events.js, with "Emitted 'error' event at:" and the frames of the emit.
const EventEmitter = require('events');
const e = new EventEmitter();
console.log('before');
e.emit('error', new Error('bad thing'));
