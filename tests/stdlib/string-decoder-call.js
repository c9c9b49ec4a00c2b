// StringDecoder is a plain function, as node's is: old code (iconv-lite, behind
// body-parser and express) calls it on objects of its own.
const { StringDecoder } = require('string_decoder');
console.log(typeof StringDecoder, StringDecoder.length, Object.getOwnPropertyNames(StringDecoder.prototype));
function Mine(enc) {
  StringDecoder.call(this, enc);
}
Mine.prototype = StringDecoder.prototype;
const m = new Mine('utf8');
console.log(JSON.stringify(m.write(Buffer.from([0xe2, 0x82]))), m.end(Buffer.from([0xac])), m.encoding);
const b = new Mine('base64');
console.log(b.write(Buffer.from('ab')), b.end(), b instanceof StringDecoder);
try {
  StringDecoder('utf8');
} catch (e) {
  console.log(e.message);
}
