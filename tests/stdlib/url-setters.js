// Every URL setter (WPT's setters_tests kinds), and searchParams bound both ways.
const cases = [
  ['http://a/b', 'protocol', 'https'], ['http://a/b', 'protocol', 'HTTPS:rest'], ['http://a/b', 'protocol', 'foo'],
  ['foo://a/b', 'protocol', 'http'], ['foo://a/b', 'protocol', 'bar'], ['http://a:80/', 'protocol', 'ws'],
  ['https://a:80/', 'protocol', 'http'], ['http://u@a/', 'protocol', 'file'], ['file:///x', 'protocol', 'http'],
  ['file://h/x', 'protocol', 'https'], ['http://a/', 'protocol', '1x'], ['http://a/', 'protocol', ''],
  ['mailto:x', 'protocol', 'http'], ['http://a/', 'protocol', 'ht\ttp'],
  ['http://a/', 'username', 'me'], ['http://a/', 'username', 'm e:@/'], ['file:///x', 'username', 'me'],
  ['mailto:x', 'username', 'me'], ['http://u:p@a/', 'username', ''], ['http://a/', 'username', 'é\u0000'],
  ['http://a/', 'password', 'secret'], ['http://u@a/', 'password', 'p:@w'], ['http://u:p@a/', 'password', ''],
  ['sc:///x', 'password', 'p'],
  ['http://a:8/p?q#f', 'host', 'b'], ['http://a:8/p', 'host', 'b:9'], ['http://a/p', 'host', 'b:80'],
  ['http://a/p', 'host', 'b:99999'], ['http://a/p', 'host', ''], ['http://a/p', 'host', 'b/c'],
  ['http://a/p', 'host', 'b?c'], ['http://a/p', 'host', 'B#c'], ['http://a/p', 'host', '[::1]:7'],
  ['http://a/p', 'host', 'x y'], ['sc://a/p', 'host', ''], ['sc://u@a/p', 'host', ''],
  ['mailto:me', 'host', 'x'], ['file:///p', 'host', 'h'], ['file://h/p', 'host', 'localhost'],
  ['file://h/p', 'host', ''], ['http://a/p', 'host', '0x7f.1'], ['http://a/p', 'host', 'münchen'],
  ['http://a:8/p', 'hostname', 'b'], ['http://a:8/p', 'hostname', 'b:9'], ['http://a/p', 'hostname', ''],
  ['sc://a/p', 'hostname', ''], ['http://a/p', 'hostname', '[::0:1]'], ['http://a/p', 'hostname', 'a%'],
  ['http://a/p', 'port', '8080'], ['http://a/p', 'port', '80'], ['http://a:9/p', 'port', ''],
  ['http://a/p', 'port', '8080abc'], ['http://a/p', 'port', 'abc'], ['http://a/p', 'port', '65536'],
  ['http://a/p', 'port', ' 1'], ['file:///p', 'port', '1'], ['sc://a/p', 'port', '12'], ['sc:x', 'port', '1'],
  ['http://a/p', 'port', '\t12'], ['http://a/p', 'port', 12.7],
  ['http://a/p?q#f', 'pathname', '/x/y'], ['http://a/p', 'pathname', 'x/../y/./z'], ['http://a/p', 'pathname', ''],
  ['http://a/p', 'pathname', '\\a\\b'], ['sc://a/p', 'pathname', '\\a\\b'], ['sc://a/p', 'pathname', ''],
  ['sc:/p', 'pathname', '//x'], ['mailto:me', 'pathname', '/x'], ['http://a/p', 'pathname', '?#% "é'],
  ['file:///C:/p', 'pathname', '..'], ['file:///p', 'pathname', 'C|/x'],
  ['http://a/p?x', 'search', 'y=1'], ['http://a/p?x', 'search', '?y=1&z'], ['http://a/p?x#f', 'search', ''],
  ['http://a/p', 'search', '?'], ['http://a/p', 'search', "a'b #c"], ['sc://a/p', 'search', "a'b #c"],
  ['sc:x  ?q', 'search', ''], ['sc:x  ?q#f', 'search', ''],
  ['http://a/p#x', 'hash', 'y'], ['http://a/p#x', 'hash', '#y z`'], ['http://a/p#x', 'hash', ''],
  ['http://a/p', 'hash', '#'], ['sc:x  #f', 'hash', ''],
  ['http://a/p', 'href', 'https://b/q?r#s'], ['http://a/p', 'href', 'not a url'],
];
for (const [href, key, value] of cases) {
  const url = new URL(href);
  try {
    url[key] = value;
    console.log(JSON.stringify([href, key, value]), '->', url.href, JSON.stringify(url[key]));
  } catch (e) {
    console.log(JSON.stringify([href, key, value]), 'threw', e.name, e.code, e.message, e.input);
  }
}

// searchParams follows the URL, and the URL follows searchParams.
const u = new URL('http://h/p?a=1&b=2#f');
const sp = u.searchParams;
console.log(sp === u.searchParams, sp.get('a'), sp.size);
sp.append('c', 'x y&z');
console.log(u.href);
sp.delete('a');
console.log(u.search);
u.search = '?q=1&q=2';
console.log(sp.getAll('q'), [...sp]);
u.href = 'http://h/?z=9';
console.log(sp.toString());
sp.delete('z');
console.log(u.href, JSON.stringify(u.search));
const o = new URL('sc:opaque  ?x=1');
o.searchParams.delete('x');
console.log(JSON.stringify(o.href), JSON.stringify(o.pathname));
console.log(JSON.stringify(u), String(u), u.toJSON(), `${u}`);
