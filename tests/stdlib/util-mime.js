// util.MIMEType and util.MIMEParams: parsing (whitespace, case, quoted values, dropped
// parameters), serialising, the setters and node's ERR_INVALID_MIME_SYNTAX messages.
const util = require('util');
const { MIMEType, MIMEParams } = util;

console.log(Object.getOwnPropertyDescriptor(util, 'MIMEType'));
const m = new MIMEType('Text/JavaScript ; key=value;  charset="utf-8" ;x="a\\"b"');
console.log(m, m.params);
console.log(String(m), JSON.stringify(m), JSON.stringify({ m }));
console.log(m.type, m.subtype, m.essence, [...m.params], [...m.params.keys()], [...m.params.values()]);
m.type = 'APPLICATION';
console.log(String(m));

const inputs = [
  'te xt/plain', '  te xt/plain', 'text/pl ain', 'text/plain ;a=b', '/plain', 'text', '', ' ',
  'te xt', 'a/b/c', 'text/plain;a="b', 'text/plain;A=B;a=c', 'text/plain;a', 'text/plain;a=',
  'text/plain;=b;c=d', 'text/plain;a=""', 'text/plain;a=ü', 'text/plain;a=b c',
  'text/plain;a="x" junk;b=c', '\ttext/plain\r\n', 'text/plain;a="\\', 'ü/x',
  'text/plain; a = b', 'a/b;c="d\\e"', 'A/B;C=D', 'a/b;c=\u0100;d=e',
];
for (const s of inputs) {
  try {
    const t = new MIMEType(s);
    console.log(JSON.stringify(s), '->', JSON.stringify(String(t)), [...t.params]);
  } catch (e) {
    console.log(JSON.stringify(s), e.name, e.code, e.message);
  }
}

const n = new MIMEType('a/b');
for (const v of ['c d', '', 'X', 'ü']) {
  try {
    n.subtype = v;
    console.log(String(n));
  } catch (e) {
    console.log(e.message);
  }
}

const p = n.params;
for (const [k, v] of [['a', 'b'], ['a b', 'c'], ['c', 'd e'], ['e', 'ü'], ['f', ''], ['g', '"'], ['h', 'x\u0100'], ['', 'x'], ['Q', 'Up']]) {
  try {
    p.set(k, v);
    console.log(String(p));
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(p.get('zz'), p.get('q'), p.has('Q'), p.delete('a'), String(p), p.toJSON());
console.log(p[Symbol.iterator] === p.entries, Object.prototype.toString.call(p.entries()));
console.log(Object.keys(MIMEType.prototype), Object.getOwnPropertyNames(MIMEParams.prototype));
console.log(String(new MIMEType({ toString() { return 'x/y'; } })), String(new MIMEParams()));
for (const bad of [undefined, 5]) {
  try {
    new MIMEType(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  MIMEType.prototype.toString.call({});
} catch (e) {
  console.log(e.name, e.message);
}
util.MIMEType = 1;
console.log(util.MIMEType);
