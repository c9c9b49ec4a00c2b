// require.resolve (with paths), require.resolve.paths, createRequire, builtinModules and
// the Module constructor.
const path = require('path');
const Module = require('module');
const rel = (p) => (typeof p === 'string' ? p.replaceAll(__dirname, '<dir>') : p);
const show = (what, f) => {
  try { console.log(what, f()); } catch (e) { console.log(what, 'threw', e.name, e.code, rel(e.message)); }
};
show('resolve file', () => rel(require.resolve('./project/lib/util')));
show('resolve builtin', () => require.resolve('fs'));
show('resolve node:', () => require.resolve('node:fs'));
show('resolve missing', () => require.resolve('./nope'));
show('resolve paths option', () => rel(require.resolve('dep', { paths: [path.join(__dirname, 'project')] })));
show('resolve paths relative', () => rel(require.resolve('./lib/util', { paths: [path.join(__dirname, 'project')] })));
show('resolve paths bad', () => require.resolve('dep', { paths: 'x' }));
show('paths relative', () => require.resolve.paths('./x').map(rel));
show('paths builtin', () => require.resolve.paths('fs'));
show('paths bare', () => require.resolve.paths('x').slice(0, 2).map(rel)
  .map((p) => p.replace(path.dirname(__dirname), '<dir>/..')));
const req = Module.createRequire(path.join(__dirname, 'project/deep/nested/x.js'));
show('createRequire', () => req('dep').version);
show('createRequire resolve', () => rel(req.resolve('dep')));
show('createRequire bad', () => Module.createRequire('relative/x.js'));
show('createRequire url', () => rel(Module.createRequire('file://' + __filename).resolve('./api.js')));
show('builtinModules', () => Module.builtinModules.includes('fs') && Module.builtinModules.includes('path'));
show('isBuiltin', () => [Module.isBuiltin('fs'), Module.isBuiltin('node:path'), Module.isBuiltin('nope')]);
show('Module', () => [typeof Module, Module === Module.Module, Module.name]);
const m = new Module('id-x', module);
show('new Module', () => [m.id, m.exports, m.loaded, m.filename, m.children, m.path]);
show('test', () => require('test'));
show('node:nope', () => require('node:nope'));
show('unknown scheme', () => require('nope:x'));
