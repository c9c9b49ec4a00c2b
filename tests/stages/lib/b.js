// Required while a.js is still running: it sees a's exports as they are so far.
const a = require('./a');
exports.sawA = a.early + ', done: ' + ('done' in a);
