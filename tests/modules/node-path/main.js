// Run by ../node-path.js with NODE_PATH set.
console.log(require('greeting'));
console.log(require('second'));
const home = require('path').resolve(process.env.HOME || '/', '.node_modules');
const paths = require.resolve.paths('greeting');
const globals = paths.slice(paths.indexOf('/node_modules') + 1);
console.log(globals.slice(0, 3).map((p) => p.replace(__dirname, '<dir>')));
console.log('then ~/.node_modules:', globals[3] === (process.env.HOME ? home : undefined));
console.log('Module.globalPaths is the same list:',
  JSON.stringify(require('module').globalPaths) === JSON.stringify(globals));
try {
  require('nowhere');
} catch (e) {
  console.log(e.code);
}
