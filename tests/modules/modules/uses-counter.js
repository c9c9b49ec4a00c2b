const counter = require('./counter');
exports.double = counter.count * 2;
