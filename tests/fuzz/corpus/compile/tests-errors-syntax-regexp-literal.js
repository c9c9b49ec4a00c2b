// A regular-expression literal that does not compile is an early error: nothing runs.
console.log('never printed');
const x = 1 + /a(?<n>b)(/gu.exec('ab');
