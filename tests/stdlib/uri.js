// encodeURI, encodeURIComponent, decodeURI, decodeURIComponent: what each escapes or keeps, and URIError
const samples = ['hello world', 'a;/?:@&=+$,#b', "-_.!~*'()", 'ü€𝄞', 'x=1&y=ä ö', '\0', '%', 'http://ex.com/p a/?q=1#f'];
for (const s of samples) console.log(JSON.stringify(s), encodeURI(s), encodeURIComponent(s));
const enc = ['%41%42', '%3B%2F%3f', '%C3%BC', '%E2%82%AC', '%F0%9D%84%9E', '%00', '%25', 'a%2', '%ZZ', '%C3', '%C3%28', '%ED%A0%80', '%F8%80%80%80', '%C0%80', '%E0%80%80', '%F4%90%80%80', 'plain'];
for (const s of enc) {
  for (const f of [decodeURI, decodeURIComponent]) {
    try { console.log(f.name, s, JSON.stringify(f(s))); } catch (e) { console.log(f.name, s, `${e.name}: ${e.message}`); }
  }
}
for (const s of ['\uD800', 'a\uDC00', '\uD800\uDC00']) {
  try { console.log(JSON.stringify(encodeURIComponent(s))); } catch (e) { console.log(`${e.name}: ${e.message}`); }
}
console.log(encodeURI.length, decodeURI.name, Object.getOwnPropertyDescriptor(globalThis, 'encodeURI').enumerable);
console.log(decodeURIComponent(encodeURIComponent('round trip ✓ 𝄞')), encodeURIComponent({ toString() { return 'obj' } }));
