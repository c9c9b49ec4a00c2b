// TextEncoder, TextDecoder (labels, fatal, ignoreBOM, streaming), atob and btoa with node's errors.
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message, e instanceof Error); }
};
const enc = new TextEncoder();
console.log(enc, enc.encoding, enc.encode('h€\ud800'), enc.encode(), enc.encode(12), Object.prototype.toString.call(enc.encode('x')));
const dest = new Uint8Array(5);
console.log(enc.encodeInto('a€b𝄞', dest), dest, enc.encodeInto('', dest), enc.encodeInto('𝄞', new Uint8Array(3)));
show('encodeInto src', () => enc.encodeInto(1, dest));
show('encodeInto dest', () => enc.encodeInto('a', []));
for (const label of ['utf-8', 'UTF8', ' unicode-1-1-utf-8 ', 'utf-16le', 'utf-16', 'ucs-2', 'latin1', 'ascii', 'iso-8859-1', 'windows-1252', 'us-ascii'])
  console.log(JSON.stringify(label), new TextDecoder(label).encoding);
show('bad label', () => new TextDecoder('utf-9'));
show('bad options', () => new TextDecoder('utf-8', 5));
const dec = new TextDecoder();
console.log(dec, dec.fatal, dec.ignoreBOM, JSON.stringify(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xff]))), dec.decode(), JSON.stringify(dec.decode(new ArrayBuffer(2))));
console.log(JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.from('\ufeffx'))), new TextDecoder('utf-8', { fatal: true }));
console.log(new TextDecoder('utf-16le').decode(Buffer.from('hé€', 'utf16le')), JSON.stringify(new TextDecoder('utf-16le').decode(Buffer.from([0xff, 0xfe, 0x41, 0]))));
console.log([...new TextDecoder('latin1').decode(Uint8Array.of(0x41, 0xe9, 0x80))].map((c) => c.charCodeAt(0).toString(16)).join(), new TextDecoder().decode(new Uint16Array([0x6968])), new TextDecoder().decode(new DataView(new ArrayBuffer(1))).length);
show('fatal', () => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.of(0x61, 0xc3)));
show('fatal mid', () => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.of(0xed, 0xa0, 0x80)));
show('decode bad', () => dec.decode('str'));
const s = new TextDecoder();
const parts = [[0xe2], [0x82], [0xac, 0xf0, 0x9f], [0x98, 0x80, 0x61, 0xe2], []];
console.log(parts.map((p, i) => JSON.stringify(s.decode(Uint8Array.from(p), { stream: i < parts.length - 1 }))).join(' '));
const s16 = new TextDecoder('utf-16le');
console.log([[0x3d], [0xd8, 0x00], [0xde, 0x41], [0x00]].map((p) => JSON.stringify(s16.decode(Uint8Array.from(p), { stream: true }))).join(' '), JSON.stringify(s16.decode()));
const bom = new TextDecoder();
console.log(JSON.stringify(bom.decode(Uint8Array.of(0xef, 0xbb), { stream: true })), JSON.stringify(bom.decode(Uint8Array.of(0xbf, 0x41), { stream: true })), JSON.stringify(bom.decode(Uint8Array.of(0xef, 0xbb, 0xbf))));
console.log(btoa('hello'), btoa(''), btoa('\xff\xfe'), btoa(123), atob('aGVsbG8='), atob(' aGVs bG8 '), atob('aGVsbG8'), JSON.stringify(atob('//79')), atob(''), atob(null).length);
for (const bad of ['a', 'aGVsbG8==', 'a===', 'ab-_', 'aGVsb G8=x', '=aGk', ' +=', 'ab=', 'abc==', 'a==', 'abcd=', '==', 'abcde==', 'abcdef=', 'ab==', 'abc='])
  show(`atob ${JSON.stringify(bad)}`, () => atob(bad));
show('btoa wide', () => btoa('€'));
show('atob none', () => atob());
show('btoa none', () => btoa());
try { atob('*'); } catch (e) { console.log(require('util').inspect(e).split('\n')[0], Object.keys(e), e.code, e.constructor.name, String(e)); }
console.log(require('util').TextEncoder === TextEncoder, Object.getOwnPropertyNames(TextDecoder.prototype).sort(), Object.keys(TextEncoder.prototype).sort());
