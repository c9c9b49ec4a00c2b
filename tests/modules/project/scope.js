// The wrapper: five arguments, this === module.exports, top-level vars are locals.
var topLevel = 1;
module.exports = {
  thisIsExports: this === module.exports,
  args: arguments.length,
  global: typeof globalThis.topLevel,
  filename: __filename === module.filename,
  dirname: __dirname === module.path,
  requireIs: typeof require,
  keys: Object.keys(module),
  requireKeys: Object.keys(require),
  loaded: module.loaded,
  parentIsMain: module.parent === require.main,
  id: module.id === __filename,
};
