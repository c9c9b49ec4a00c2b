// Exercise 10.8: util.deprecate(fn, message, code) returns a function that calls fn
// (same this, same arguments, same result) and emits a DeprecationWarning the first
// time it is called, and only then.
const util = require('util');
const old = util.deprecate(function (a, b) { return [this.tag, a + b]; }, 'old() is old', 'DEP0999');
const obj = { tag: 'me', old };
console.log(obj.old(1, 2));
console.log(old.call({ tag: 'again' }, 3, 4));
const other = util.deprecate(() => 'other', 'other() too');
console.log(other(), other());
console.log('synchronous part done');
