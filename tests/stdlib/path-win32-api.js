// path.win32 against node's own results: drive letters, UNC shares, namespaced
// (\\?\ and \\.\) paths, both separators, and the posix/win32 cross links.
const path = require('path');
const w = path.win32;
const inputs = [
  '', '.', '..', '/', '\\', '//', '\\\\', '///', 'a', 'a\\b', 'a/b', 'a\\\\b\\', 'C:', 'c:', 'C:\\', 'C:/', 'C:\\\\',
  'C:a', 'C:a\\b', 'C:\\a', 'C:\\a\\', 'C:\\a\\b.txt', 'C:/a/b/../c/./d', 'C:..\\..\\x', 'C:\\..\\..\\x', '\\a\\..\\..\\b',
  '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\dir\\file.ext',
  '//server/share/dir/', '\\\\server\\\\share\\x', '\\\\?\\C:\\x\\y', '\\\\?\\UNC\\s\\h\\f', '\\\\.\\pipe\\name',
  '\\\\.\\COM1', 'file.txt', '.hidden', '..hidden', '...', 'a.', 'a.b.c', 'dir\\.ext', 'C:\\dir.x\\file',
  'C:\\a\\b\\\\', 'a\\b/c\\d/', '1:\\x', 'ab:\\x', '\\\\x\\y\\..\\..\\..', 'C:\\a/b\\c/..\\..\\d', '/x/y/../..//z',
  'C:foo.js', 'C:\\foo\\', '\\\\\\x\\y', 'x:\\\\y', 'é\\ü.txt', '\\\\?\\COM1', '\\\\.\\x\\', '\\\\.\\x\\..',
  '\\\\?\\x\\..\\..', '//./x', 'a:b', 'x\\..\\a:b', 'ab:', ':x', 'a/CON:', 'a:b\\c', 'a:', '::', 'x\\y:z',
];
const fns = ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath'];
// Resolving uses the current directory: it and its parents print as <cwd>, <cwd-1>,
// <cwd-2>, so that the output holds in any checkout.
const ancestors = [process.cwd()];
for (let i = 0; i < 2; i++) ancestors.push(path.posix.dirname(ancestors[i]));
const clean = (v) => {
  if (typeof v !== 'string') return v;
  ancestors.forEach((dir, i) => (v = v.split(dir.replace(/\//g, '\\')).join(i ? `<cwd-${i}>` : '<cwd>')));
  return v;
};
for (const p of inputs) {
  const out = fns.map((f) => JSON.stringify(clean(w[f](p))));
  console.log(JSON.stringify(p), out.join(' '));
}
for (const p of ['C:\\a\\b.js', 'b.js', '\\b.js\\', 'C:b.js', 'a\\.js', '.js', 'x.js.js'])
  for (const s of ['.js', 'b.js', 'js', '', 'x'])
    console.log('basename', JSON.stringify([p, s]), JSON.stringify(w.basename(p, s)));
const joins = [
  [], [''], ['a', 'b'], ['a', '', 'b'], ['C:', 'a'], ['C:\\', '..', 'x'], ['//server', 'share'], ['//server/', 'share'],
  ['\\\\server', 'share', 'x'], ['///server', 'share'], ['/', '/x'], ['\\\\', 'x'], ['a', '..', '..'], ['C:a', '..\\..'],
  ['a/', '/b/', '\\c'], ['//', 'a'], ['', '//a', 'b'], ['\\\\a', 'b'], ['.', '.'],
];
for (const args of joins) console.log('join', JSON.stringify(args), JSON.stringify(w.join(...args)));
const resolves = [
  ['C:\\a', 'b'], ['C:\\a', 'D:b'], ['C:\\a', 'D:\\b', 'c'], ['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe'],
  ['\\\\server\\share', '..', 'x'], ['\\\\server\\share\\', 'x\\..\\..\\..'], ['C:\\', '\\\\s\\h'], ['C:\\x', 'c:y'],
  ['C:\\x', 'C:'], ['//server//share', 'x'], ['C:\\a\\b', '..', '..', '..', 'z'], ['D:'], ['D:', 'x'],
];
for (const args of resolves) console.log('resolve', JSON.stringify(args), JSON.stringify(clean(w.resolve(...args))));
console.log(w.resolve('a') === w.resolve(process.cwd(), 'a'), w.resolve('C:a').startsWith('C:'));
const relatives = [
  ['C:\\a\\b', 'C:\\a\\b\\c'], ['C:\\a\\b\\c', 'C:\\a'], ['C:\\a\\b', 'C:\\a\\x\\y'], ['C:\\A\\b', 'c:\\a\\B\\c'],
  ['C:\\a', 'D:\\a'], ['C:\\', 'C:\\x'], ['C:\\x', 'C:\\'], ['C:\\x', 'C:\\x'], ['\\\\s\\h\\a', '\\\\s\\h\\b'],
  ['\\\\s\\h', '\\\\s\\h\\x'], ['\\\\s\\h\\x', '\\\\s\\h'], ['\\\\a\\b', '\\\\c\\d'], ['C:\\foo\\test', 'C:\\foo\\test\\bar\\package.json'],
  ['C:\\foo\\bar\\baz-quux', 'C:\\foo\\bar\\baz'], ['C:\\foo\\bar\\baz', 'C:\\foo\\bar\\baz-quux'], ['C:\\baz-quux', 'C:\\baz'],
  ['\\\\foo\\baz', '\\\\foo\\baz-quux'], ['C:\\a\\b', 'c:\\A\\B'],
];
for (const [a, b] of relatives) console.log('relative', JSON.stringify([a, b]), JSON.stringify(w.relative(a, b)));
const objects = [
  { root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' }, { root: 'C:\\', base: 'f' }, { dir: 'd', name: 'n', ext: 'e' },
  { name: 'n', ext: '.e' }, { root: '\\\\s\\h\\', name: 'x' }, {}, { base: 'b', name: 'ignored', ext: 'x' },
];
for (const o of objects) console.log('format', JSON.stringify(o), JSON.stringify(w.format(o)), JSON.stringify(path.posix.format(o)));
for (const p of ['/', '//', '/a', '/a/', '/a/b.c', '//a', '/a/b/', '/.x', '/a..', '/./a', '/a/.b.c/', '', '/..', '/x.y/z.w'])
  console.log('posix parse', JSON.stringify(p), JSON.stringify(path.posix.parse(p)), JSON.stringify(path.relative('/a/b', p || '/')));
console.log(w.sep, w.delimiter, path.sep, path.delimiter, w.posix === path.posix, path.posix.win32 === w, w.win32 === w,
  path.posix.posix === path.posix, path === path.posix, w._makeLong === w.toNamespacedPath, path.toNamespacedPath('/x'));
console.log(Object.keys(path), Object.keys(w), require('node:path/win32') === w, require('path/posix') === path.posix);
console.log(w.format.name, w.resolve.name, w.toNamespacedPath(null), w.toNamespacedPath(''));
for (const f of [() => w.join('a', 1), () => w.resolve('a', null), () => w.relative(1, 'a'), () => w.basename('a', 1),
  () => w.parse(3), () => w.format(null), () => w.dirname(), () => path.posix.parse({}), () => path.format('x')]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
