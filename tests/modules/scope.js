// The module wrapper's scope and the module object (own keys, parent, loaded, children).
const s = require('./project/scope');
console.log(s);
console.log(this === module.exports, arguments.length, require.main === module, module.id);
console.log(module.loaded, module.parent, module.children.length, module.children[0].exports === s);
console.log(Object.keys(module), Object.keys(require));
console.log(module.filename === __filename, module.path === __dirname, module.paths[0] === __dirname + '/node_modules');
console.log(module.paths.at(-1), module.paths.includes(require('path').dirname(__dirname) + '/node_modules'));
console.log(typeof module.require, module.require('./project/lib/util') === require('./project/lib/util'));
console.log(module.constructor.name, module instanceof require('module'), require.extensions['.js'] !== undefined, Object.keys(require.extensions));
setTimeout(() => console.log('loaded later', module.loaded));
