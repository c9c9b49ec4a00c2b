// Exercise 9.6: module.paths, where require would look for packages: a node_modules
// directory in the module's own directory and in each one above it, up to /node_modules.
const paths = module.paths;
const segments = __dirname.split('/').filter(Boolean);
console.log(Array.isArray(paths), paths.length === segments.length + 1);
console.log(paths[0] === __dirname + '/node_modules');
console.log(paths[paths.length - 1]);
console.log(paths.every((p, i) => i === 0 || paths[i - 1].startsWith(p.slice(0, -'/node_modules'.length))));
console.log(paths.every((p) => p.endsWith('/node_modules') && !p.includes('//')));
