// Built-in modules load with or without the node: prefix and are cached.
const fs = require('fs');
console.log(fs === require('node:fs'));
console.log(typeof require('http').createServer);
try {
  require('no-such-module-here');
} catch (e) {
  console.log(e.code);
  console.log(e.message.split('\n')[0]);
}
console.log(typeof module, typeof exports, module.exports === exports, this === module.exports);
console.log(__filename.endsWith('require-builtins.js'), typeof __dirname);
