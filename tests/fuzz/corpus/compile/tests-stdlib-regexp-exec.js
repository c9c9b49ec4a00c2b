// exec and test: match arrays, groups, indices, and the lastIndex rules.
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
show(() => /(\d+)-(\d+)?/.exec('ab 12- cd'));
show(() => /(?<year>\d{4})-(?<month>\d\d)(?<day>-\d\d)?/.exec('on 2024-03!'));
show(() => /(?<a>x)|(?<b>y)/d.exec('zy'));
show(() => /b/d.exec('abc'));
show(() => /nothing/.exec('abc'));
show(() => /a/.exec());
show(() => /undefined/.exec());
show(() => /1/.exec({ toString() { return 'x1'; } }));
show(() => /./su.exec('\u{1F600}'));
show(() => /\u{1F600}/u.exec('x\u{1F600}').index);
// global and sticky read and write lastIndex; the others read it (ToLength) and ignore it
const g = /o/g;
const seen = [];
let m;
while ((m = g.exec('foo boo')) !== null) seen.push(m.index + ':' + g.lastIndex);
console.log(seen, g.lastIndex);
const y = /o/y;
console.log(y.test('foo'), y.lastIndex, (y.lastIndex = 1, y.test('foo')), y.lastIndex,
            y.test('foo'), y.test('foo'), y.lastIndex);
const plain = /o/;
plain.lastIndex = 5;
console.log(plain.test('foo'), plain.lastIndex);
let reads = 0;
plain.lastIndex = { valueOf() { reads++; return 0; } };
plain.exec('o');
console.log('valueOf calls:', reads);
for (const li of [-1, 1.7, '2', NaN, Infinity, 2 ** 53, null, true]) {
  const r = /a/g;
  r.lastIndex = li;
  console.log(String(li), r.exec('aaa'), r.lastIndex);
}
// a frozen lastIndex throws when exec must write it, and only then
const frozen = Object.freeze(/a/g);
show(() => frozen.exec('a'));
show(() => frozen.exec('b'));
show(() => Object.freeze(/a/).exec('a'));
const fixed = /a/y;
Object.defineProperty(fixed, 'lastIndex', { writable: false, value: 0 });
show(() => fixed.test('b'));
// test goes through a user exec, which must return an object or null
const custom = /x/;
custom.exec = () => ({ length: 0 });
console.log(custom.test('nope'));
custom.exec = () => 42;
show(() => custom.test('x'));
custom.exec = 'not callable';
console.log(custom.test('x'));
show(() => RegExp.prototype.test.call({ exec: () => null }, 'x'));
show(() => RegExp.prototype.test.call('str', 'x'));
// case-insensitive, multiline, dotAll, unicode sets
console.log(/^b$/m.exec('a\nb\nc').index, /a.c/s.test('a\nc'), /a.c/.test('a\nc'),
            /[\p{L}--[a-z]]/v.exec('abcD')[0], /ǅ/i.test('ǆ'), /\w/iu.test('ſ'));
// the matcher's backtrack stack is bounded: node's RangeError, not a crash
show(() => /^(?:a|b)*$/.test('ab'.repeat(5e6)));
