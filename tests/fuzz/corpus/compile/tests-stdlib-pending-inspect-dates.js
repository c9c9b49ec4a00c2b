// Dates print their toISOString, regular expressions their literal (needs Date, RegExp).
console.log(new Date(Date.UTC(2024, 0, 15, 10, 30)));
console.log(new Date(NaN));
console.log([new Date(0)], { when: new Date(86400000) });
console.log(new Date(Date.UTC(-1, 0, 1)), new Date(Date.UTC(12345, 5, 6, 7, 8, 9, 10)));
const dated = new Date(0);
dated.note = 'with a key';
console.log(dated);
console.log(/abc/gi, [/x\/y/], { re: /a+b*/ });
const re = /r/;
re.extra = 1;
console.log(re, require('util').inspect({ a: { b: { c: { re: /deep/ } } } }, { depth: 0 }));
