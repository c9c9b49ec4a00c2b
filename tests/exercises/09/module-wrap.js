// Module.wrap and Module.wrapper: the text node puts around a module's source.
const Module = require('module');
console.log(Module.wrapper);
console.log(Module.wrap('return this === module.exports;'));
const fn = new Function('return ' + Module.wrap('return [typeof exports, typeof require, __filename];'))();
console.log(fn({}, require, module, 'f.js', '.'));
