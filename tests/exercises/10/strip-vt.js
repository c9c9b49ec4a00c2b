// Exercise 10.5: util.stripVTControlCharacters(str) removes the ANSI escape sequences
// that inspect's colours are made of (ESC [ parameters final-byte), and nothing else.
const util = require('util');
const coloured = util.inspect({ n: 1, s: 'x', u: undefined }, { colors: true });
console.log(JSON.stringify(coloured));
console.log(util.stripVTControlCharacters(coloured));
console.log(JSON.stringify(util.stripVTControlCharacters('\x1b[1;4mbold\x1b[0m [not] \x1b[2K|')));
console.log(util.stripVTControlCharacters('plain [text] without escapes'));
try {
  util.stripVTControlCharacters(5);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
