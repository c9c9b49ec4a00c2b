// A package whose "exports" offers an ES module under "module-sync" and CommonJS under
// "default" (as async-function, which express's dependencies require, does): tinynode
// runs no ES modules, so require skips "module-sync" and loads the CommonJS target.
const path = require('path');
const dir = path.join(__dirname, 'module-sync');
const { createRequire } = require('module');
const req = createRequire(path.join(dir, 'index.js'));
console.log(path.relative(dir, req.resolve('dual')));
console.log(req('dual'));
