// String's Unicode tables (stdlib/ecma/string_data.c, generated with node as the
// oracle): case mapping and normalization in cases spelled out; string-tables.sh checks
// the tables over most code points.

// One code point to several, Final_Sigma, the supplementary planes, locale twins.
console.log('ß ﬀ ŉ ǰ ΐ ﬃ և'.toUpperCase(), 'İ'.toLowerCase().length);
console.log('ΑΣ ΑΣ. Σ ΑΣΑ Α\u0301Σ Α\u0301Σ\u0301 𝒢Σ Σ\u0301'.toLowerCase());
console.log('𐐨𐑏 𞤢'.toUpperCase(), '𐐀𐐧 𞤀'.toLowerCase(), 'ǅ'.toLocaleUpperCase(), 'ǅ'.toLocaleLowerCase());
console.log('\ud801x\udc28'.toUpperCase() === '\ud801X\udc28');

// Composition across the quick prefix, Hangul, reordering, compatibility forms.
const show = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
console.log(show('e\u0301'.normalize()), show('Å'.normalize('NFD')), show('\u212b'.normalize()));
console.log(show('한글'.normalize('NFD')), show('\u1112\u1161\u11ab'.normalize('NFC')));
console.log(show('a\u0323\u0302'.normalize('NFC')), show('a\u0302\u0323'.normalize('NFD')));
console.log(show('ﬁ ① ㎒ x\u00a0'.normalize('NFKC')), show('ﬁ'.normalize('NFC')));
console.log(show('\u0344'.normalize('NFC')), show('\u1e9b\u0323'.normalize('NFKC')));
const s = 'plain ascii';
console.log(s.normalize() === s, ''.normalize('NFKD') === '');
