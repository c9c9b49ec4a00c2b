exports.name = 'a';
exports.early = true;
const b = require('./b');
exports.bSawA = b.sawA;
exports.done = true;
