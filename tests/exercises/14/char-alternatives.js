// Graded exercise 6 of chapter 14: an alternation of single characters, (?:a|b), is a
// class, [ab], as V8's compiler makes it. Then (?:a|b)* is a STAR over one CLASS, which
// keeps one backtrack entry however long the run, instead of two choice points per
// character: on three million characters tinynode's backtrack stack overflows (RangeError),
// node's does not. Each line is the pattern, then what test() or exec() gave.
const n = 3e6;
// Each subject is mostly the first alternative, which leaves the second as a choice point.
const long = {
  ab: 'a'.repeat(n - 1) + 'b',
  xX: 'xX'.repeat(n / 2),
  lines: 'a'.repeat(n - 1) + '\n',
  words: 'w'.repeat(n - 1) + '-',
  emoji: '\u{1F600}'.repeat(n) + 'x',
};
const run = (re, s) => {
  try {
    const m = re.exec(s);
    return m === null ? 'null' : `match at ${m.index}, length ${m[0].length}` +
      (m.length > 1 ? `, group 1 length ${m[1] === undefined ? '-' : m[1].length}` : '');
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};
console.log(String(/^(?:a|b)*$/), run(/^(?:a|b)*$/, long.ab));
console.log(String(/^(?:a|b)+$/), run(/^(?:a|b)+$/, long.ab));
console.log(String(/^(?:b|a){2,}$/), run(/^(?:b|a){2,}$/, long.ab));
console.log(String(/^((?:a|b)*)$/), run(/^((?:a|b)*)$/, long.ab));
console.log(String(/^(?:a|[b-z])*$/), run(/^(?:a|[b-z])*$/, long.ab));
console.log(String(/^(?:x|a)*$/i), run(/^(?:x|a)*$/i, long.xX));
console.log(String(/^(?:.|\n)*$/), run(/^(?:.|\n)*$/, long.lines));
console.log(String(/^(?:\w|-)*$/), run(/^(?:\w|-)*$/, long.words));
console.log(String(/^(?:\u{1F600}|x)*$/u), run(/^(?:\u{1F600}|x)*$/u, long.emoji));
console.log(String(/(?<=^(?:a|b)*)$/y), run(Object.assign(/(?<=^(?:a|b)*)$/y, { lastIndex: n }), long.ab));
// The same class in short subjects: what each alternative matches is unchanged.
const short = [
  [/(?:a|b)+/, 'xxabbay'], [/(?:a|b)+?/, 'xxbay'], [/(a|b)+/, 'abc'], [/(?:ab|c)+/, 'ababcx'],
  [/(?:k|s)+/i, 'K\u212A\u017FS'], [/(?:k|s)+/iu, 'K\u212A\u017FS'], [/(?:.|\n)+/, 'a\nb\u2028c'],
  [/(?:.|\n)+/s, 'a\n\u2028c'], [/(?:\u{1F600}|\uD83D)+/u, '\u{1F600}\uD83D\uDE01'],
  [/(?:\u{1F600}|\uD83D)+/, '\u{1F600}\uD83D\uDE01'], [/(?<=(?:a|b){2})c/, 'abc'],
  [/^(?:a|b){2,3}$/, 'abab'], [/(?:a|[^a])+/, 'xyz'], [/(?:[]|a)+/, 'aa'], [/(?:a|b)*?c/, 'abc'],
];
for (const [re, s] of short) console.log(String(re), JSON.stringify(re.exec(s)));
