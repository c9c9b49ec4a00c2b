// Exercise 9.2: require.resolve(request) returns the filename require would load,
// without loading it; a built-in resolves to its own name; a missing module throws
// require's MODULE_NOT_FOUND error.
const local = (f) => f.replace(__dirname, '<here>');
console.log(local(require.resolve('./modules/counter')));
console.log(local(require.resolve('./modules/data.json')));
console.log(local(require.resolve('./modules')));
console.log(local(require.resolve(__dirname + '/modules/counter.js')));
console.log(require.resolve('fs'), require.resolve('node:path'));
console.log(Object.keys(require.cache).map(local));
try {
  require.resolve('./modules/missing');
} catch (e) {
  console.log(e.code, local(e.message));
}
console.log(require('./modules/counter').count);
