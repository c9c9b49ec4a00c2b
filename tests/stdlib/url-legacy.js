// The legacy url API: url.parse (with parseQueryString and slashesDenoteHost), url.format
// of Url objects and of URLs with options, url.resolve, and the file-URL helpers.
const url = require('url');
const inputs = [
  'HTTP://User:P%40ss@Host.COM:8080/p/a/t/h?query=string&a=1#hash', 'http://a_b!c/x', 'http://a%b/',
  '//foo/bar', '/simple?x=1', 'http://x/ !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', '  http://ws.com/  ',
  'http://[::1]:3000/p', 'mailto:user@example.com', 'javascript:alert("x y")',
  'file:///etc/passwd', 'file://host/share', 'http:\\\\evil.com\\path?a\\b', 'http://a@b@c/', 'http://a:b:c@d/',
  'http://münchen.de/ü', 'http://EXAMPLE.com:/x', 'http://ex.com:65536/', 'x:y', 'www.example.com/x',
  'user@host/path', '//user@host/path', '?only=query', '#only-hash', '', '   ', 'http://x?y#z', 'http://x#y?z',
  'https://host.com/a b/c\td', 'ftp://f.com', 'http://a.com/%zz', 'redis://:secret@localhost:6379/0',
  'postgres://u:p@db:5432/name?ssl=true', 'HTTPS://EX.COM/A?B=C', 'http://x.com/p;params?q',
];
for (const s of inputs) console.log(JSON.stringify(s), url.parse(s));
console.log(url.parse('http://x/?a=1&a=2&b', true).query, url.parse('http://x/', true).query, url.parse('/p', true));
console.log(url.parse('//h/p', true, true), url.parse('h/p', false, true));

console.log(url.format({ protocol: 'http', hostname: 'h.com', port: 8080, pathname: 'a#?b', query: { x: [1, 2], y: 'z w' }, hash: 'f' }));
console.log(url.format({ protocol: 'mailto', auth: 'u:p w', host: 'h', pathname: '/x' }), url.format({ protocol: 'file', pathname: '/etc' }));
console.log(url.format({ hostname: '::1', port: 80 }), url.format({ protocol: 'x:', slashes: true, host: 'h', search: 's#t', hash: '#h' }));
console.log(url.format('http://a.com/b?c#d'), url.format({}), url.format(url.parse('https://u:p@x.com/y')));
const whatwg = new URL('http://u:p@xn--mnchen-3ya.de/p?q#f');
console.log(url.format(whatwg), url.format(whatwg, { fragment: false, unicode: true, auth: false, search: false }));
console.log(url.format(whatwg, { unicode: true }), url.format(whatwg, {}));

const resolves = [
  ['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'],
  ['http://example.com/a/b/c', '../d'], ['http://example.com/a/b/c', '../../../../d'], ['http://a/b/c/d;p?q', 'g;x?y#s'],
  ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', '#s'], ['http://a/b/c/d;p?q', ''], ['http://a/b/c/d;p?q', '.'],
  ['http://a/b/c/d;p?q', './'], ['http://a/b/c/d;p?q', '..'], ['http://a/b/c/d;p?q', '../g'], ['http://a/b/c/d;p?q', '//g'],
  ['http://a/b/c/d;p?q', 'https://other/x'], ['http://a/b/c/d;p?q', 'mailto:x@y'], ['http://a/b', 'https:c'],
  ['mailto:local1@domain1', 'local2@domain2'], ['mailto:a@b', '?subject=x'], ['file:///a/b', '../c'],
  ['a/b/c', '../../..'], ['a/b', '../../x'], ['http://u:p@a/b', '/c'], ['http://u:p@a/b', '//x/c'], ['', 'x'],
  ['http://example.com/b//c//d;p?q#blarg', 'g/./h'], ['/foo/bar/baz', '../../../../../../../../quux/baz'],
  ['mailto:a@b/c', 'mailto:x'], ['news:a/b', 'news:../c'], ['foo:a/b', 'foo:c'], ['foo://h/a', 'foo:b'], ['x:a', '//y/z'],
];
for (const [from, to] of resolves) console.log(JSON.stringify([from, to]), url.resolve(from, to));
console.log(url.resolveObject('http://a/b', '../c'), url.resolveObject('', 'x'));

console.log(url.pathToFileURL('/tmp/a b/%#?\\\t\né/').href, url.pathToFileURL('/').href);
console.log(url.fileURLToPath('file:///tmp/a%20b/%C3%A9'), url.fileURLToPath(new URL('file://localhost/x')));
console.log(url.urlToHttpOptions(new URL('http://u%20x:p@[::1]:81/a?b#c')), url.urlToHttpOptions(new URL('file:///x')));
for (const d of ['1.2.3', 'EXAMPLE.com', 'xn--iñvalid.com', 'a b', '[::1]', 'münchen.de', '', 'a%41', 'ｆｕｌｌ.com'])
  console.log(JSON.stringify(d), JSON.stringify(url.domainToASCII(d)), JSON.stringify(url.domainToUnicode(d)));
for (const f of [() => url.format(123), () => url.parse(1), () => url.fileURLToPath('http://x'),
  () => url.fileURLToPath('file://h/x'), () => url.fileURLToPath('file:///a%2fb'), () => url.fileURLToPath(1),
  () => url.domainToASCII(), () => url.format(new URL('http://x'), 1), () => url.parse('http://ｘ％４１/'), () => url.parse('http://[fe80::1%25eth0]/')]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name, e.code, e.message, e.input);
  }
}
console.log(Object.keys(url));
