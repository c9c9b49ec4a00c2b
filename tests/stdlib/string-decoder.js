// string_decoder: StringDecoder.write/end over characters split between chunks, in every encoding.
const { StringDecoder } = require('string_decoder');
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const run = (enc, chunks) => {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => JSON.stringify(d.write(Buffer.from(c))));
  out.push(JSON.stringify(d.end()));
  console.log(enc, d.encoding, out.join(' '));
};
run('utf8', [[0xe2], [0x82], [0xac]]);
run('utf8', [[0x61, 0xf0, 0x9f], [0x98], [0x80, 0x62]]);
run('utf8', [[0xe2, 0x82]]);
run('utf8', [[0xe2], [0x28]]);
run('utf8', [[0xff, 0x61], [0xc3]]);
run('utf-8', [[0x68, 0x69]]);
run('utf16le', [[0x61], [0x00, 0x3d, 0xd8], [0x00, 0xde], [0x62]]);
run('ucs2', [[0x3d, 0xd8]]);
run('base64', [[0x61], [0x62, 0x63, 0x64], [0x65]]);
run('base64url', [[0xfb, 0xff], [0xbf]]);
run('hex', [[0x01, 0xab], [0xff]]);
run('latin1', [[0xe9], [0x41]]);
run('ascii', [[0xe9], [0x41]]);
run(undefined, [[0xc3], [0xa9]]);
const d = new StringDecoder('utf8');
console.log(d.write('already a string'), JSON.stringify(d.end(Buffer.from([0xc3, 0xa9, 0xc3]))), JSON.stringify(d.end()));
console.log(new StringDecoder('utf8').write(new Uint8Array([0x61, 0x62])), new StringDecoder('hex').end(new Uint16Array([0x0102])));
show('bad encoding', () => new StringDecoder('utf9'));
show('bad write', () => new StringDecoder().write(5));
const state = new StringDecoder('utf8');
console.log(state, state.lastNeed, state.lastTotal, state.lastChar);
console.log(JSON.stringify(state.write(Buffer.from([0x61, 0xe2, 0x82]))), state, state.lastNeed, state.lastTotal, state.lastChar);
console.log(JSON.stringify(state.end()), state);
