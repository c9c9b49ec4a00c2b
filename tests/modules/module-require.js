// Exercise 9.5: module.require(id) is require on behalf of that module: same cache,
// paths relative to the module's own directory.
const counter = require('./modules/counter');
console.log(typeof module.require, module.require.length);
console.log(module.require('./modules/counter') === counter);
console.log(module.require('path') === require('path'));
console.log(module.require('./modules/data.json'));
