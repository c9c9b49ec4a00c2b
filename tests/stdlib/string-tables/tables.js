// String's Unicode tables (stdlib/ecma/string_data.c, generated with node as the
// oracle): case mapping and the four normalization forms over every 7th code point of
// planes 0 and 1 and of the CJK compatibility supplement, as checksums (the generator's
// tables were checked against node over every code point). Run by ../string-tables.sh,
// without GC stress: it allocates a few hundred thousand strings.
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// Each code point in one mix with a mark pair, sigmas and itself again; a checksum per
// 0x4000 code points.
function checksums(f) {
  const out = [];
  for (let block = 0; block < 0x24000; block += 0x4000) {
    let h = 0;
    const first = block < 0x20000 ? block : 0x2f800;
    const end = block < 0x20000 ? block + 0x4000 : 0x2fa20;
    for (let c = first; c < end; c += 7) {
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

