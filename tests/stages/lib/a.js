exports.early = 'a started';
const b = require('./b');
exports.bSaw = b.sawA;
exports.done = true;
