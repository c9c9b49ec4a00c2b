const a = require('./a');
exports.sawA = { ...a };
exports.name = 'b';
