// url.resolve over many bases and references (slashed and unslashed protocols, auth,
// dots, queries), each compared with node.
const url = require('url');
const bases = ['http://a/b/c/d;p?q', 'http://u:p@h.com:81/x/y/', 'mailto:a@b', 'mailto:a@b/c', 'file:///a/b', 'file://h/a', 'news:a/b/c', 'foo:a/b', 'foo://h/a/b', '/a/b', 'a/b', '', '//h/p', 'http://h', 'javascript:x', 'x:', 'http://h/a/b/..', 'https://h/?q#f'];
const rels = ['', '.', '..', '../..', '../../..', 'g', './g', 'g/', '/g', '//g', '?y', '#s', 'g?y#s', ';x', 'g;x', '..g', 'g..', 'http:g', 'http:/g', 'http://g/h', 'https:g', 'mailto:c@d', 'mailto:x', 'file:x', 'file:///y', 'foo:z', '//u@g/h', 'javascript:y', 'news:../c', 'x@y', '/../g', './../g', 'g/./h', 'g/../h', ' g ', '\\g\\h', 'a b'];
for (const b of bases) for (const r of rels) {
  let out; try { out = url.resolve(b, r); } catch (e) { out = 'ERR ' + e.message; }
  console.log(JSON.stringify([b, r]), out);
}
