// Exercise 9.3: requiring a directory reads its package.json: "main" names the entry
// (resolved like a file: extensions, then index.js), else index.js is loaded.
console.log(require('./modules/pkg-main'));
console.log(require('./modules/pkg-index'));
console.log(require('./modules'));
console.log(Object.keys(require.cache).map((f) => f.replace(__dirname, '<here>')));
