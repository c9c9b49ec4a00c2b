// String's Unicode tables (stdlib/ecma/string_data.c, generated with node as the
// oracle): case mapping and the four normalization forms, checked over the code points
// of planes 0 and 1 as checksums, then a few cases spelled out.
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// Every code point of planes 0 and 1 and of the CJK compatibility supplement, in one mix
// with a mark pair, sigmas and itself again, as checksums of 0x4000 code points each.
function checksums(f) {
  const out = [];
  for (let block = 0; block < 0x24000; block += 0x4000) {
    let h = 0;
    const first = block < 0x20000 ? block : 0x2f800;
    const end = block < 0x20000 ? block + 0x4000 : 0x2fa20;
    for (let c = first; c < end; c++) {
      const s = String.fromCodePoint(c);
      h = Math.imul(h ^ hash(f('A' + s + '\u0301\u0323\u03a3 ' + s + '\u03a3')), 16777619);
    }
    out.push((h >>> 0).toString(16));
  }
  return out.join(' ');
}

console.log('upper', checksums((s) => s.toUpperCase()));
console.log('lower', checksums((s) => s.toLowerCase()));
for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'])
  console.log(form, checksums((s) => s.normalize(form)));

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
