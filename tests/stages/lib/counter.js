let count = 0;
exports.inc = () => ++count;
exports.thisIsExports = this === module.exports;
