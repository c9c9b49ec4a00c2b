// Graded exercise 7 of chapter 9: Module.prototype._compile(content, filename), which
// runs content as the body of a module at filename: wrapped as node wraps a file, `this`
// the module's exports, require relative to filename, and the body's return value
// returned; the module is not marked loaded (Module.prototype.load does that in node).
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/09/module-compile.js).
const Module = require('module');
const path = require('path');
const filename = path.join(__dirname, 'resolve', 'virtual.js');
const m = new Module(filename, module);
m.filename = filename;
m.paths = Module._nodeModulePaths(path.dirname(filename));
const result = m._compile(`
  const path = require('path');
  exports.self = this === module.exports;
  exports.args = arguments.length;
  exports.names = [path.basename(__filename), path.basename(__dirname)];
  exports.dep = require('./dep');
  return 42;
`, filename);
console.log(result, m.exports);
console.log(typeof Module.prototype._compile, m.loaded, Object.keys(require.cache).includes(filename));
try {
  new Module('x', module)._compile('let let = 1;', filename);
} catch (e) {
  console.log(e.name, e.message);
}
