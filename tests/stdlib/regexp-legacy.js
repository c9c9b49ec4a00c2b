// RegExp's legacy static properties (Annex B, as V8 has them): RegExp.$1-$9, input ($_),
// lastMatch ($&), lastParen ($+), leftContext ($`), rightContext ($'), after each way a
// match can happen, and the accessors' own shape.
const show = (label) =>
  console.log(label, JSON.stringify([RegExp.$1, RegExp.$2, RegExp.$9, RegExp.lastMatch,
    RegExp.lastParen, RegExp.leftContext, RegExp.rightContext, RegExp.input, RegExp['$&'],
    RegExp['$+'], RegExp['$`'], RegExp["$'"], RegExp.$_]));
show('before any match');
/(\d+)-(\d+)/.exec('abc 12-34 xyz');
show('exec');
/nothing/.exec('no match here');
show('after a failed exec');
/(o)(r)?/.test('hello world');
show('test');
'hello'.replace(/l(l)/, 'L');
show('replace');
'a1b2c3'.replace(/([a-z])(\d)/g, '$2$1');
show('replace all');
'x-y-z'.split(/-/);
show('split');
'x-y-z'.split(/(-)/);
show('split with a group');
'one two'.match(/(\w+) (\w+)/);
show('match');
[...'a1b22'.matchAll(/\d+/g)];
show('matchAll');
'find me'.search(/m(e)/);
show('search');
/(a)|(b)/.exec('b');
show('an unmatched group');
/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/.exec('abcdefghijk');
show('eleven groups');
/é(.)/u.exec('café!');
show('unicode');
/(?<year>\d{4})/.exec('in 2024');
show('named group');
RegExp.input = 42;
show('input assigned');
RegExp.lastMatch = 'ignored';
RegExp.$1 = 'ignored';
show('other setters do nothing');
class Sub extends RegExp {}
new Sub('(s)ub').exec('a sub');
show('subclass');
const custom = /(c)/;
custom.exec = () => ({ 0: 'c', length: 1, index: 0 });
'c'.replace(custom, '');
show('custom exec does not record');
const names = Object.getOwnPropertyNames(RegExp).filter((n) => !['length', 'name', 'prototype'].includes(n));
console.log(names.join(' '));
const d = Object.getOwnPropertyDescriptor(RegExp, '$1');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name);
console.log(d.get.call({}), Object.getOwnPropertyDescriptor(RegExp, 'input').get.call(undefined));
