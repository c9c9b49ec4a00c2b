// Graded exercise 1 of chapter 10: util.inspect's {sorted: true} orders entries by
// UTF-16 code units, as JavaScript's sort does, not by their UTF-8 bytes: a character
// above U+FFFF (a surrogate pair, 0xD83D...) sorts before one in U+E000..U+FFFF.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/10/sorted-utf16.js).
const util = require('util');
console.log(util.inspect({ '\u{1F600}': 1, '\uFF21': 2, b: 3, a: 4, '\u00E9': 5 }, { sorted: true }));
console.log(util.inspect(new Set(['\uE000', '\u{10000}', 'z']), { sorted: true }));
console.log(util.inspect(new Map([['\uFFFD', 1], ['\u{1D11E}', 2]]), { sorted: true }));
const arr = [3, 1];
arr['\uF8FF'] = 'private use';
arr['\u{1F4A9}'] = 'astral';
console.log(util.inspect(arr, { sorted: true }));
