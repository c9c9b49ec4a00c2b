// How console.log and util.inspect print regular expressions.
const util = require('util');
const re = /ab+c/gi;
console.log(re, [re], { re }, [[[[/deep/]]]]);
const extra = /x/m;
extra.label = 'tagged';
extra[Symbol('s')] = 1;
console.log(extra, { extra });
console.log(util.inspect(/a/, { showHidden: true }), util.inspect(/a/y, { colors: true }));
console.log(new RegExp('/'), new RegExp('\n'), /[/]\//, /\u{1F600}/u, /x/dgimsuy, /x/v);
const nullProto = /n/g;
Object.setPrototypeOf(nullProto, null);
console.log(nullProto, [nullProto]);
function Sub() {}
Sub.prototype = Object.create(RegExp.prototype, { constructor: { value: Sub } });
console.log(Object.setPrototypeOf(/s/, Sub.prototype));
console.log(Object.create(RegExp.prototype), RegExp.prototype);
const withSource = /real/;
Object.defineProperty(withSource, 'source', { value: 'shadowed' });
console.log(withSource, String(withSource));
console.log(util.inspect({ a: { b: { c: /deep/ } } }, { depth: 0 }), util.format('%s %o', /s/, /o/));
console.log(/x/.exec('x'), /(?<g>x)/d.exec('x'), 'ab'.matchAll(/./g));
