// Exercise 11.7: path.relative(from, to): the path from one resolved path to another,
// '' when they are the same, with '..' for each segment to climb.
const path = require('path');
const pairs = [
  ['/data/orandea/test/aaa', '/data/orandea/impl/bbb'],
  ['/a/b', '/a/b'],
  ['/a/b', '/a/b/c/d'],
  ['/a/b/c', '/a'],
  ['/', '/x/y'],
  ['/x/y', '/'],
  ['/a/bc', '/a/b'],
  ['/a/b', '/a/bc'],
  ['/a//b/./c/', '/a/b/../d'],
];
for (const [from, to] of pairs) console.log(JSON.stringify(path.relative(from, to)));
console.log(path.relative('.', '.') === '', path.relative('x', 'x/y'));
try {
  path.relative(1, '/');
} catch (e) {
  console.log(e.code);
}
