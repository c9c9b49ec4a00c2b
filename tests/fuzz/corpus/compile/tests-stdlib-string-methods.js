// String.prototype: characters, slicing, case, trimming, padding, repeat, concat.
const s = 'Hello, World';
console.log(s.length, s.charAt(1), s.charAt(99) === '', s.charCodeAt(0), s.charCodeAt(99), s.at(-1), s.at(99));
console.log(s[4], s['length'], 'a😀b'.length, 'a😀b'.codePointAt(1), 'a😀b'.codePointAt(2), 'a😀b'.codePointAt(9));
console.log(s.slice(7), s.slice(-5), s.slice(3, -3), s.slice(5, 2) === '', s.substring(5, 2), s.substring(-3, 2));
console.log(s.substr(7, 3), s.substr(-5, 2), s.substr(3), s.substr(2, -1) === '');
console.log(s.toUpperCase(), s.toLowerCase(), 'ÀÉÎõü ß ÿ'.toUpperCase(), 'ÀÉÎÕÜ'.toLowerCase());
console.log('ΑΒΓ δεζ'.toLowerCase(), 'ΟΔΟΣ'.toLowerCase(), 'Привет'.toUpperCase(), 'ĀĂĄ ŁŃ'.toLowerCase(), 'āăą łń'.toUpperCase());
console.log('[' + '  \t x y \n '.trim() + ']', '[' + '  x  '.trimStart() + ']', '[' + '  x  '.trimEnd() + ']');
console.log('[' + '\u00a0\ufeffx\u2028'.trim() + ']', String.prototype.trimLeft === String.prototype.trimStart);
console.log('5'.padStart(3, '0'), 'abc'.padStart(8, '12'), 'abc'.padEnd(6), 'abc'.padEnd(2, 'x'), 'x'.padStart(3, ''));
console.log('ab'.repeat(3), 'x'.repeat(0) === '', ''.repeat(5) === '');
for (const bad of [-1, Infinity]) {
  try { 'a'.repeat(bad) } catch (e) { console.log(e.name + ': ' + e.message) }
}
try { 'a'.repeat(2 ** 30) } catch (e) { console.log(e.name + ': ' + e.message) }
console.log('a'.concat('b', 1, null, undefined, [2, 3]), ''.concat());
console.log('abc'.toString(), new String('boxed').valueOf(), typeof new String('x'), new String('abc').length);
try { String.prototype.toString.call(1) } catch (e) { console.log(e.name + ': ' + e.message) }
try { String.prototype.trim.call(null) } catch (e) { console.log(e.name + ': ' + e.message) }
try { String.prototype.toUpperCase.call(undefined) } catch (e) { console.log(e.name + ': ' + e.message) }
console.log(String.prototype.slice.call(12345, 1, 3), String.prototype.toUpperCase.call(true));

// String(), String.fromCharCode, fromCodePoint, raw.
console.log(String(), String(123), String(null), String(undefined), String(Symbol('desc')), String([1, 2]), String({}));
console.log(String.fromCharCode(72, 105), String.fromCharCode(0x1F600).length, String.fromCharCode(65 + 65536));
console.log(String.fromCodePoint(0x1F600), String.fromCodePoint(72, 0x10FFFF).length);
for (const bad of [-1, 1.5, 0x110000, NaN]) {
  try { String.fromCodePoint(bad) } catch (e) { console.log(e.name + ': ' + e.message) }
}
console.log(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3), String.raw({ raw: 'xyz' }, '-', '+'));
console.log(typeof new String('s'), Object.prototype.toString.call(new String('s')), JSON.stringify(Object.keys(new String('ab'))));

// Iteration walks code points.
const parts = [];
for (const ch of 'a😀é') parts.push(ch);
console.log(parts.length, parts.join('|'), [...'héllo'].length);
const si = 'ab'[Symbol.iterator]();
console.log(JSON.stringify(si.next()), JSON.stringify(si.next()), JSON.stringify(si.next()), Object.prototype.toString.call(si));

// Well-formedness and normalize.
console.log('ab'.isWellFormed(), 'a\ud800'.isWellFormed(), 'a\ud800b'.toWellFormed().charCodeAt(1).toString(16));
console.log('abc'.normalize(), 'café'.normalize('NFC'), 'abc'.normalize('NFD'));
try { 'x'.normalize('bad') } catch (e) { console.log(e.name + ': ' + e.message) }

// localeCompare and sorting names.
console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('B'), 'a'.localeCompare('A'));
const names = ['bob', 'Alice', 'carol', 'alice', 'Bob', 'émile', 'eve', 'Zed', '10', '9', 'a b', 'ab'];
console.log(names.sort((x, y) => x.localeCompare(y)).join(','));
