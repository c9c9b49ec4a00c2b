let sum = 0;
for (const n of [1, 2, 3]) {
  if (n > 2) break;
  sum += n;
}
for (const key in { a: 1 }) {
  console.log(key, sum);
}
