// querystring: parse and stringify with node's options, escape and unescape.
const qs = require('querystring');
const inputs = [
  'a=1&b=2&a=3&a=4', 'foo=bar&baz', '&&a=b&&', '=x&y=', '=', '&', 'a=b=c', 'a+b=c+d', '%41%42=%zz%',
  'é=%C3%A9&%E4%BD%A0=ok', 'a=%F0%9F%98%80&b=%F0%9F', 'a[]=1&a[]=2', '__proto__=1&constructor=2&hasOwnProperty=3',
  'x', '', 'a=1;b=2', 'a%20b=%2B', '  sp = a ',
];
for (const s of inputs) console.log(JSON.stringify(s), qs.parse(s));
console.log(qs.parse('a:1;b:2;a:3', ';', ':'), qs.parse('a==>1<=>b==>2', '<=>', '==>'));
console.log(qs.parse('a=1&b=2&c=3&d=4', null, null, { maxKeys: 2 }), qs.parse('&&&a=1&b=2', null, null, { maxKeys: 3 }));
console.log(qs.parse('a=1&b=2', '&', '=', { maxKeys: 0 }), qs.parse('a=%41&b=c', null, null, { decodeURIComponent: (s) => s.toUpperCase() }));
console.log(qs.parse('a=%E0%A4%A', null, null, { decodeURIComponent: () => { throw new Error('no'); } }));
console.log(qs.parse(123), qs.parse(null), qs.decode === qs.parse, qs.encode === qs.stringify);

console.log(qs.stringify({ a: 1, b: 'x y', c: [1, 'two', true], d: [], e: null, f: undefined, g: NaN, i: { o: 1 }, 'k é': '☃' }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.stringify({ w: 'a b' }, null, null, { encodeURIComponent: (s) => `<${s}>` }));
console.log(qs.stringify('str'), qs.stringify(null), qs.stringify([1, 2]), qs.stringify({ '': '' }), qs.stringify({ a: [] , b: 1 }));
let all = '';
for (let i = 0; i < 128; i++) all += String.fromCharCode(i);
console.log(qs.escape(all), qs.escape('é😀'), qs.escape(12), qs.escape({ toString: () => 'o b' }), qs.escape([1, 2]));
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
try { qs.stringify({ a: '\udc00' }); } catch (e) { console.log(e.name, e.code, e.message, e.stack.split('\n')[0], Object.keys(e)); }
console.log(qs.unescape('%41+%zz%'), qs.unescape('a+b', true), qs.unescape('%E4%BD%A0%'), qs.unescapeBuffer('%41+b%', true));
console.log(Object.keys(qs));
