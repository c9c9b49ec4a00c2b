exports.add = (a, b) => a + b;
exports.name = __filename.split('/').pop();
module.exports.square = (x) => x * x;
console.log('loading math', module.id === __filename, require.main === module);
