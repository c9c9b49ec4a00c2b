// require of files: relative and absolute paths, extensions, a file before a directory,
// JSON, .cjs, cycles, a module that throws, and require.cache entries deleted to reload.
const path = require('path');
const show = (what, f) => {
  try { console.log(what, f()); } catch (e) { console.log(what, 'threw', e.code || e.name, e.message.split('\n')[0]); }
};
show('extensionless', () => require('./project/lib/util'));
show('absolute', () => require(path.join(__dirname, 'project/lib/util.js')) === require('./project/lib/util'));
show('file beats dir', () => require('./project/thing'));
show('dir with slash', () => require('./project/thing/'));
show('json', () => require('./project/data'));
show('json twice', () => require('./project/data.json') === require('./project/data'));
show('cjs', () => require('./project/plain.cjs'));
show('cjs without ext', () => require('./project/plain'));
show('dot dot', () => require('./project/deep/../lib/util.js').util);
show('broken json', () => require('./project/broken.json'));
show('cycle', () => require('./project/cycle/a'));
show('cycle b', () => require('./project/cycle/b'));
show('throws', () => require('./project/throws'));
show('throws again', () => require('./project/throws'));
console.log('throws ran', globalThis.throwsRuns, 'cached?', path.join(__dirname, 'project/throws.js') in require.cache);
const key = require.resolve('./project/lib/util');
const first = require(key);
console.log('cache key', key.slice(__dirname.length + 1), require.cache[key].exports === first);
delete require.cache[key];
console.log('reloaded', require(key) !== first, require(key) === require('./project/lib/util'));
show('addon', () => require('./project/addon.node'));
show('addon no ext', () => require('./project/addon'));
show('missing', () => require('./project/nope'));
show('missing dir', () => require('./project/nope/'));
show('empty', () => require(''));
show('not a string', () => require(42));
show('json with a byte order mark', () => require('./project/bom.json'));
show('module.paths of the root', () => require('module')._nodeModulePaths('/'));
