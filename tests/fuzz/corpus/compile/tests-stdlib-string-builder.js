// Strings built piece by piece (JSON, join, padStart, repeat, replace) keep surrogates,
// pairs split across appends, and non-ASCII text exact.
console.log(JSON.stringify(['\ud800', '\udc00', '\ud83d\ude00', 'é', '\ud800x']));
console.log(['\ud83d', '\ude00'].join('') === '\ud83d\ude00', ['\ud83d', '\ude00'].join('').length);
console.log('ab'.padStart(5, '\ud83d\ude00'), 'x'.repeat(3), String.fromCodePoint(0xd83d, 0xde00, 0x1F600).length);
console.log(JSON.parse('"\\ud83d\\ude00"').length, JSON.stringify({a: [1, {b: 'é'}]}, null, 2));
console.log(['é', 'ü'].join('ß'), 'abc'.replace('b', '$&$&'));
