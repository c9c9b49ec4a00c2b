// Graded exercise 3 of chapter 1: after the `)` that closes the condition of if, while
// or for, a `/` starts a regular expression; after any other `)` it divides.
if (a) /b/g.test(x);
while (ok) /=+/.exec(s);
for (;;) /x/;
if (f(a)) /y/i;
const d = (a) / b / c;
const e = f(x) / 2;
if (a) (b) / c;
