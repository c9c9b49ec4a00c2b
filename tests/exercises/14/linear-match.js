// Graded exercise 9 of chapter 14: a RegExp with the flag l runs on a matcher whose time
// is linear in the subject: all the ways of matching advance together, one character at a
// time, and the first (in the backtracking order) that reaches the end wins. The patterns
// below take a backtracking matcher longer than the age of the universe; node answers at
// once. The captures are the backtracking ones, with one difference that shows V8 copies
// a bounded quantifier's body: a copy beyond the minimum may match the empty string,
// which the spec forbids, so /(a?){0,2}/l leaves group 1 set ('') where /(a?){0,2}/ leaves
// it unset. The expectation is node 20's:
// `node --enable-experimental-regexp-engine tests/exercises/14/linear-match.js`.
const show = (re, s) => {
  const m = re.exec(s);
  const text = (x) => (x === undefined ? '-' : x.length > 12 ? `${x.slice(0, 6)}..(${x.length})` : x);
  console.log(String(re), m === null ? 'null' : `at ${m.index}: ${[...m].map(text).join(' | ')}`);
};
// Exponential for a backtracking matcher, linear here.
show(new RegExp('(a*)*b', 'l'), 'a'.repeat(3000));
show(new RegExp('(x+x+)+y', 'l'), 'x'.repeat(3000));
show(new RegExp('^(\\w+\\s?)*$', 'l'), 'an ordinary sentence with words '.repeat(50) + '!');
show(new RegExp('(a|aa)*c', 'l'), 'a'.repeat(3000) + 'c');
show(new RegExp('(?:a|a)*?b', 'l'), 'a'.repeat(3000) + 'b');
show(new RegExp('^(a+)+$', 'l'), 'a'.repeat(3000) + 'b');
// Captures as a backtracking matcher reports them (each line: l, then without l).
const same = [
  ['((a)|b)+', 'ab'], ['(a*)*', 'b'], ['(a*)+', 'b'], ['(a|ab)(c|bcd)(d*)', 'abcd'],
  ['(?:(a)|b)*', 'ab'], ['(a*?)*?x', 'aax'], ['(a|)*', 'aa'], ['(?:a|())*', 'aa'],
  ['(a?)*?b', 'aab'], ['(?:(a)|(b))*', 'abab'], ['^(?:a{0,2}b)*$', 'aabbab'],
  ['(a+)+?', 'aaa'], ['(a{2})*', 'aaaaa'], ['(?:(a)|b){2}', 'ab'], ['(?:()|a)*b', 'aab'],
  ['(()|a)+b', 'aab'], ['(a|())+?b', 'ab'], ['(?:()|a)*b', 'b'], ['(a?)*', 'a'],
  ['(?:(a)|b|())*c', 'abc'], ['(?:(a)|b|()){2,}c', 'ac'], ['((a)|b|()){1,3}?c', 'abc'],
  ['(?<year>\\d{4})-(?<month>\\d\\d)', 'on 2024-06-07'], ['\\bfoo\\b', 'a foo.'],
  ['^b', 'a\nb'], ['.+', 'a\nb'], ['x*', 'y'], ['(?:)', ''], ['[]|a', 'ba'],
];
for (const [p, s] of same) {
  show(new RegExp(p, 'l'), s);
  show(new RegExp(p), s);
}
// A copy of a bounded body beyond the minimum may match the empty string.
for (const [p, s] of [['(a?){0,2}', ''], ['(?:()|a){0,2}b', 'b'], ['(?:()|a){1,2}b', 'b']]) {
  show(new RegExp(p, 'l'), s);
  show(new RegExp(p), s);
}
// Flags, lastIndex, and the String methods.
show(new RegExp('^b$', 'lm'), 'a\nb\nc');
show(new RegExp('a.c', 'ls'), 'a\nc');
show(new RegExp('a.c', 'l'), 'a\nc a-c');
const sticky = new RegExp('b+', 'ly');
sticky.lastIndex = 1;
console.log(sticky.exec('abbc')[0], sticky.lastIndex, sticky.exec('abbc'), sticky.lastIndex);
console.log('a1b22c333'.replace(new RegExp('\\d+', 'gl'), (m) => `<${m.length}>`));
console.log([...'xay'.matchAll(new RegExp('a*', 'gl'))].map((m) => `${m.index}:${m[0]}`).join(' '));
console.log('a, b,c'.split(new RegExp('\\s*,\\s*', 'l')));
console.log('x'.repeat(40).search(new RegExp('(x+x+)+y', 'l')));
