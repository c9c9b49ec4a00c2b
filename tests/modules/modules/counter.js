console.log('counter.js runs');
exports.count = 1;
