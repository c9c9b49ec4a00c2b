// Graded exercise 11 of chapter 11: path.matchesGlob(path, pattern), node's glob test
// (minimatch's rules): * and ? within a segment, [classes] ([!x] and [^x] negate), {a,b}
// alternatives, ** for any number of segments; a wildcard never matches a name that
// starts with a dot; repeated slashes in the path count as one. Node calls glob
// experimental and warns once (the .err).
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/11/matches-glob.js).
const path = require('path');
const cases = [
  ['/a/b/c.js', '/a/**/*.js'], ['/a/c.js', '/a/**/*.js'], ['a/b/c.js', 'a/*.js'], ['a/b.js', 'a/*.js'],
  ['a/.hidden.js', 'a/*.js'], ['a/.hidden.js', 'a/.*.js'], ['a/b/.c/d.js', 'a/**/d.js'],
  ['a/b/.c/d.js', 'a/**/.c/d.js'], ['abc', 'a?c'], ['ac', 'a?c'], ['a/b', 'a?b'],
  ['x.ts', '*.{js,ts}'], ['x.jsx', '*.{js,ts}'], ['src/x/y.c', '{src,lib}/**/*.{c,h}'],
  ['b1', '[a-c][0-9]'], ['d1', '[!a-c]1'], ['d1', '[^a-c]1'], ['a-b', '[a-]-b'], [']', '[]]'],
  ['a/b/c', 'a/**'], ['a', 'a/**'], ['a/b', '**'], ['.a/b', '**'], ['a/b/', 'a/b'], ['/a/b', '/a/b/'],
  ['a//b', 'a/b'], ['', ''], ['abc', ''], ['foo', 'f*o'], ['fo/o', 'f*o'], ['ab', '{a,b}{b,c}'],
  ['a/x/y/b', 'a/**/b'], ['a/b', 'a/**/b'], ['A.JS', '*.js'], ['a.b.c', '*.c'], ['(x)+', '(x)+'],
];
for (const [p, g] of cases) console.log(JSON.stringify(p), JSON.stringify(g), path.matchesGlob(p, g));
for (const args of [[1, 'a'], ['a', null]]) {
  try {
    path.matchesGlob(...args);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(path.posix.matchesGlob === path.matchesGlob);
