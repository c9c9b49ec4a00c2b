// Exercise 10.9: util.toUSVString(string) replaces each lone surrogate with U+FFFD, the
// replacement character, and leaves well-formed text (pairs included) alone.
const util = require('util');
const cases = ['plain', 'a\ud800b', '\udc00x', 'pair \ud83d\ude00 ok', 'end \ud83d', '\ude00\ud83d', ''];
for (const s of cases) console.log(JSON.stringify(util.toUSVString(s)));
console.log(util.toUSVString(42), util.toUSVString({ toString() { return 'obj\ud800'; } }).length);
