// %s of a function is String(fn), its source text (needs Function.prototype.toString).
const util = require('util');
console.log(util.format('%s', function namedFn() {}));
console.log(util.format('%s|%s', (a, b) => a + b, class K {}));
