// Lab for-loops (labs/for-loops): the for statement. `let` gives each iteration its own
// binding (the closures below see 0, 1, 2), even when the update or the body changes
// it; break and continue, with and without labels; a for without test or update.
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()));
const late = [];
for (let i = 0; i < 6; i++) {
  late.push(() => i);
  i++;
}
console.log(late.map((f) => f()));
let out = '';
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out += `${i}${j} `;
  }
}
console.log(out);
let n = 0;
for (;;) {
  if (++n > 4) break;
}
console.log(n);
var k;
for (k = 10; k > 0; k -= 3);
console.log(k);
for (let i = 0, j = 10; i < j; i += 4, j -= 1) console.log(i, j);
