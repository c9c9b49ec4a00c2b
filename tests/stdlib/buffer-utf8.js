// UTF-8 decoding replaces bad bytes with U+FFFD by WHATWG's maximal-subpart rule; lone surrogates encode as EF BF BD; latin1/ascii/ucs2 edges.
const cases = [
  [0x61, 0x80, 0x62], [0xc0, 0x80], [0xc1, 0xbf], [0xc2], [0xc2, 0x41], [0xe0, 0x80, 0x80], [0xe0, 0xa0],
  [0xe0, 0xa0, 0x41], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xef, 0xbf, 0xbd], [0xf0, 0x80, 0x80, 0x80],
  [0xf0, 0x90, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80], [0xff, 0xfe], [0xe2, 0x82, 0xac, 0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f],
  [0x7f, 0xdf, 0xbf, 0xe1, 0x80, 0x80, 0xc3, 0x28], [0xfe, 0xff, 0x00, 0x61],
];
for (const c of cases) {
  const s = Buffer.from(c).toString();
  console.log(c.map((x) => x.toString(16)).join(' '), JSON.stringify(s), [...s].map((ch) => ch.codePointAt(0).toString(16)).join(' '));
}
for (const s of ['\ud800', 'a\udc00b', '\ud83d\ude00', '\ude00\ud83d', 'x\ud800', '\u07ff\u0800\uffff'])
  console.log(JSON.stringify(s), Buffer.from(s), Buffer.byteLength(s), Buffer.from(s, 'ucs2'), Buffer.from(s, 'latin1'));
console.log(Buffer.from([0xe9, 0x80, 0xff]).toString('latin1'), Buffer.from([0xe9, 0x41, 0xff]).toString('ascii'), JSON.stringify(Buffer.from([0x41, 0, 0x42]).toString('ucs2')));
console.log(Buffer.from('a€\u0100', 'latin1'), Buffer.from('a€', 'ascii'), Buffer.from('Āb', 'binary'));
const big = Buffer.alloc(100000, 'é€𝄞');
console.log(big.toString().length, Buffer.from(big.toString()).equals(big), big.toString('hex').length, Buffer.from(big.toString('base64'), 'base64').equals(big));
const all = Buffer.alloc(256);
for (let i = 0; i < 256; i++) all[i] = i;
console.log(JSON.stringify(all.toString()), all.toString('base64'), all.toString('base64url'));
console.log(Buffer.from(all.toString('latin1'), 'latin1').equals(all), Buffer.from(all.toString('hex'), 'hex').equals(all));
