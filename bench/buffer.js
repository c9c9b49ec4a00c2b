// Bytes: Buffer.from and toString of 1 MB of UTF-8 text, its base64 and hex, and indexOf.
const text = 'héllo wörld, a line of text with € and 𝄞 in it\n'.repeat(20000);
let total = 0;
for (let i = 0; i < 10; i++) {
  const b = Buffer.from(text);
  total += b.toString().length;
  const b64 = b.toString('base64');
  total += Buffer.from(b64, 'base64').length;
  total += Buffer.from(b.toString('hex'), 'hex').length;
  total += b.toString('latin1').length;
  total += b.indexOf('𝄞 in it\nhéllo', 500000);
}
console.log(total);
