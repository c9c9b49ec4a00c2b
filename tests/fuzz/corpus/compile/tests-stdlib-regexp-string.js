// String methods with regular expressions: match, matchAll, replace, replaceAll, search,
// split, and the Symbol methods they defer to.
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
const s = 'The year 1987 and 2024; then 99.';
show(() => s.match(/\d+/));
show(() => s.match(/\d+/g));
show(() => s.match(/x/g));
show(() => 'a.b'.match('.'));
show(() => 'aXa'.match());
show(() => [...s.matchAll(/(\d)(\d)+/g)].map((m) => [m[0], m[1], m[2], m.index]));
show(() => [...'a1b2'.matchAll('\\d')].map((m) => m[0]));
show(() => s.matchAll(/\d/));
show(() => s.replaceAll(/\d/, ''));
show(() => 'x'.matchAll({ [Symbol.match]: true, flags: undefined }));
const it = 'ab'.matchAll(/./g);
console.log(it, Object.prototype.toString.call(it), it.next(), it[Symbol.iterator]() === it);
show(() => it.next.call({}));
show(() => s.search(/\d/));
show(() => s.search('and'));
show(() => s.search(/zzz/g));
// replacement patterns
const r = /(?<first>\w+) (\w+)/;
for (const t of ['$2 $1', '$<first>!', '$&|$`|$\'', '$$', '$0 $00 $3 $10 $01', '$<nope>|$<first', '$'])
  console.log(JSON.stringify(t), JSON.stringify('>> John Smith <<'.replace(r, t)));
console.log('a-b'.replace(/(x)?-/, '[$1]'), 'abc'.replace(/b/, '$<n>'), 'aaa'.replace(/a/g, '$&$&'));
console.log('a1b2'.replace(/(?<d>\d)/g, (...args) => JSON.stringify(args)));
console.log('2024-03-07'.replace(/(\d+)-(\d+)-(\d+)/, (m, y, mo, d, at, str) => `${d}/${mo}/${y} @${at} in ${str}`));
console.log('aaa'.replace(/a*?/g, '-'), 'abc'.replace(/(?:)/g, '-'), '\u{1F600}x'.replace(/(?:)/gu, '-'),
            '\u{1F600}'.replace(/(?:)/g, '-').length);
console.log('xAxA'.replaceAll(/a/gi, (m, i) => i), 'a.a'.replaceAll('.', '$&$&'), 'abc'.replace('b', '$`$\''));
// split
console.log('a, b ,c'.split(/\s*,\s*/), 'a1b2c3'.split(/\d/), 'a1b2c3'.split(/(\d)/), 'abc'.split(/(?:)/));
console.log('a1b2c3'.split(/\d/, 2), 'a1b2c3'.split(/(\d)/, 2), ''.split(/x/), ''.split(/(?:)/), 'ab'.split(/$/));
console.log('\u{1F600}\u{1F601}'.split(/(?:)/u).length, '\u{1F600}\u{1F601}'.split(/(?:)/).length,
            'A<B>bold</B>and<CODE>coded</CODE>'.split(/<(\/)?([^<>]+)>/));
// custom Symbol methods are honoured, on objects only as the spec says
const custom = {
  [Symbol.match]: (str) => `match ${str}`,
  [Symbol.replace]: (str, rep) => `replace ${str} ${rep}`,
  [Symbol.search]: (str) => `search ${str}`,
  [Symbol.split]: (str, lim) => `split ${str} ${lim}`,
  [Symbol.matchAll]: (str) => `matchAll ${str}`,
  flags: 'g',
};
console.log('s'.match(custom), 's'.replace(custom, 'r'), 's'.search(custom), 's'.split(custom, 3),
            's'.matchAll(custom), 's'.replaceAll(custom, 'x'));
show(() => 's'.match({ [Symbol.match]: 1 }));
show(() => String.prototype.match.call(null, /a/));
show(() => String.prototype.replace.call(undefined, /a/, ''));
// a species constructor makes split's and matchAll's splitter and matcher
const base = /-/g;
base.constructor = function () {};
base.constructor[Symbol.species] = function (src, flags) {
  console.log('species', String(src), flags);
  return new RegExp(src, flags);
};
console.log('a-b-c'.split(base), [...'a-b'.matchAll(base)].length);
// the flags property decides global and unicode for match, replace
const fake = /a/;
Object.defineProperty(fake, 'flags', { value: 'g' });
console.log('aaa'.match(fake), 'aaa'.replace(fake, 'b'));
// lastIndex side effects
const g = /a/g;
g.lastIndex = 2;
console.log('aaa'.replace(g, 'b'), g.lastIndex, 'aaa'.search(g), g.lastIndex);
const y = /a/y;
console.log('baa'.replace(y, 'X'), y.lastIndex, 'aab'.match(y), y.lastIndex);
// split's splitter is a sticky copy: the original's lastIndex stays, all flags count
const sp = /,/g;
sp.lastIndex = 7;
console.log('a,b,,c'.split(sp), sp.lastIndex, 'a,b'.split(/,/y), 'x\u{1F600}y'.split(/(?:)/u),
            'aXbxc'.split(/x/i, 2), 'a  b\tc\n'.split(/\s+/), 'abc'.split(/(b)|(z)/), ''.split(/a*/),
            'ab'.split(/a*?/), 'ab'.split(/(?=b)/), 'one1two22three'.split(/\d+/));
