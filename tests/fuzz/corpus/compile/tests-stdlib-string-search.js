// indexOf lastIndexOf includes startsWith endsWith split replace replaceAll.
const s = 'the cat sat on the mat';
console.log(s.indexOf('at'), s.indexOf('at', 6), s.indexOf('dog'), s.indexOf(''), s.indexOf('', 99), s.indexOf('the', -5));
console.log(s.lastIndexOf('at'), s.lastIndexOf('at', 10), s.lastIndexOf('the', 0), s.lastIndexOf('x'), s.lastIndexOf(''), s.lastIndexOf('t', NaN));
console.log(s.includes('sat'), s.includes('sat', 6), s.includes(''), s.startsWith('the'), s.startsWith('cat', 4), s.startsWith(''));
console.log(s.endsWith('mat'), s.endsWith('on', 14), s.endsWith('the', 3), s.endsWith(''), 'abc'.endsWith('abcd'));
console.log('aaa'.indexOf('aa', 1), 'undefined'.includes(), 'null'.indexOf(null), '12'.indexOf(2));

// split
const j = a => JSON.stringify(a);
console.log(j('a,b,c'.split(',')), j('a,b,c'.split(',', 2)), j('a,b,c'.split(',', 0)), j('abc'.split('')), j('abc'.split('', 2)));
console.log(j('a,b'.split()), j(''.split(',')), j(''.split('')), j('a,,b,'.split(',')), j('a--b--c'.split('--')));
console.log(j('one two  three'.split(' ')), j('abc'.split('abc')), j('abc'.split('x')), j('a1b1c'.split(1)));
console.log(j('😀x😀'.split('')), j('a,b,c'.split(',', -1)), j('a,b'.split(undefined, 0)));

// replace and replaceAll with strings and functions.
console.log('aaa'.replace('a', 'b'), 'aaa'.replaceAll('a', 'b'), 'abc'.replace('x', 'y'), 'abc'.replace('', '_'));
console.log('abc'.replace('b', '[$&]'), 'abc'.replace('b', "[$`|$']"), 'abc'.replace('b', '$$'), 'abc'.replace('b', '$1$<n>'));
console.log('a-b-c'.replace('-', (m, pos, str) => '(' + m + pos + str.length + ')'), 'a-b-c'.replaceAll('-', (m, p) => p));
console.log('xxx'.replaceAll('', '.'), 'aaaa'.replaceAll('aa', 'b'), 'price: 5'.replace('5', 5 * 2));
console.log('abc'.replace('b', () => undefined), 'abc'.replace('b', { toString() { return 'OBJ' } }));
