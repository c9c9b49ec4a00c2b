// package.json "exports": sugar, subpaths, patterns, nested conditions, arrays and the
// errors for paths it does not export, invalid targets and missing files.
const path = require('path');
const from = require('module').createRequire(path.join(__dirname, 'project/index.js'));
const show = (what) => {
  try { console.log(what, from(what)); } catch (e) {
    console.log(what, 'threw', e.name, e.code, e.message.replaceAll(__dirname, '<dir>'));
  }
};
for (const name of ['cond', 'cond/feature', 'cond/features/a', 'cond/features/a.js',
  'cond/features/private/secret', 'cond/features/notes.txt', 'cond/arr', 'cond/arr-invalid',
  'cond/invalid', 'cond/escape', 'cond/nm', 'cond/missing', 'cond/unexported', 'cond/unexported.js',
  'cond/package.json', 'cond/star/x/mid/a', 'cond/dir/a.js',
  'sugar', 'sugar/only.js', 'sugar-cond', 'mixed', 'import-only', '@scope/pkg', '@scope/pkg/sub',
  '@scope/pkg/nope', '@scope/nothing', 'project', 'project/lib/util'])
  show(name);
