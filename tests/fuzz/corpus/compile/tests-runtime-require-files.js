// require loads user files (X, X.js, X.json), caches them, and reports missing ones.
const math = require('./lib/math');
const again = require('./lib/math.js');
const data = require('./lib/data.json');
console.log(math.add(2, 3), math.square(4), math.name, math === again, data);
console.log(require.main === module, module.id, typeof require.cache);
try { require('./lib/nope'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
const util = require('util');
console.log(util.inspect({ deep: { er: { est: { x: 1 } } } }, { depth: 0 }), util.format('%s=%d', 'x', 5));
