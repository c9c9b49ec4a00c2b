// Graded exercise 8 of chapter 14: V8's linear-time engine takes only some patterns, and
// with the flag l the constructor refuses the others: "Cannot be executed in linear time".
// Refused are the flags d, i, u and v, back references and lookarounds (they need
// backtracking), and quantifiers whose body would be copied more than 16 times: a bound
// above 16, or nested bounds whose product is (x{n,} counts as n + 1 copies, x{m,n} as
// n). A pattern that is not valid at all gets its own error first. The expectation is
// node 20's: `node --enable-experimental-regexp-engine tests/exercises/14/linear-check.js`.
const cases = [
  ['a', 'g'], ['a', 'm'], ['a', 's'], ['a', 'y'], ['a', 'gmsy'],
  ['a', 'd'], ['a', 'i'], ['a', 'u'], ['a', 'v'], ['a', 'gi'],
  ['(a)\\1', ''], ['(?<n>a)\\k<n>', ''], ['(?<n>a)', ''], ['(?=a)', ''], ['(?!a)', ''],
  ['(?<=a)b', ''], ['(?<!a)b', ''], ['\\b\\B^$', 'm'], ['[^]|[]|.', 's'], ['\\d\\w\\s\\D\\W\\S', ''],
  ['a*?b+?c??', ''], ['a{16}', ''], ['a{17}', ''], ['a{0,16}', ''], ['a{0,17}', ''],
  ['a{15,}', ''], ['a{16,}', ''], ['a{2,}?', ''], ['(?:a{4}){4}', ''], ['(?:a{4}){5}', ''],
  ['(?:a{2,}){5}', ''], ['(?:a{3,}){4}', ''], ['(?:a+){8}', ''], ['(?:a+){9}', ''],
  ['(?:a*){16}', ''], ['(?:a*){17}', ''], ['((a){2}){8}', ''], ['(?:a{8}|b{8}){2}', ''],
  ['(?:a{8}){2}|b{16}', ''], ['a{4}b{16}', ''], ['(?:(?:a{2}){2}){4}', ''],
  ['(?:(?:a{2}){2}){5}', ''], ['(?:a{0}){17}', ''], ['(?:){99}', ''], ['a{0}b{16}', ''],
  ['(?:a|b{9}){2}', ''], ['(?:a{2}|(?=b)){2}', ''],
  ['(', ''], ['(', 'i'], ['\\1(a)', 'u'], ['(?<=a)+', ''], ['\\p{Foo}', 'u'], ['a{2,1}', 'd'],
];
for (const [pattern, flags] of cases) {
  let result;
  try {
    result = String(new RegExp(pattern, 'l' + flags));
  } catch (e) {
    result = `${e.name}: ${e.message}`;
  }
  console.log(JSON.stringify(pattern), flags, result);
}
