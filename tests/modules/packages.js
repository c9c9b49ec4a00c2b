// Packages under node_modules: main variants, nested versions, scoped names, index.json,
// a package that requires built-ins with node:, and a "type": "module" package's .cjs.
const show = (what, f) => {
  try { console.log(what, f()); } catch (e) { console.log(what, 'threw', e.name, e.code, e.message); }
};
const dep = require('./project/node_modules/dep');
console.log(dep);
show('from deep', () => require('./project/deep/nested/requirer').dep === dep);
show('main names a dir', () => require('./project/node_modules/main-dir'));
show('main without ext', () => require('./project/node_modules/main-noext'));
show('main missing, index', () => require('./project/node_modules/main-missing'));
show('no main, index.json', () => require('./project/node_modules/no-main'));
show('uses-builtin', () => require('./project/node_modules/uses-builtin'));
show('esm .cjs', () => require('./project/node_modules/esm-pkg/legacy.cjs'));
show('bare from here', () => require('dep'));
show('deep missing', () => require('./project/deep/nested/requirer').missing());
