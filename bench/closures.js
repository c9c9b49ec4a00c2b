// Closures created in a loop and array callbacks (map, filter, reduce).
const data = Array.from({ length: 200000 }, (_, i) => i);
let result = 0;
for (let round = 0; round < 10; round++) {
  const k = round + 1;
  result += data.map((x) => x * k).filter((x) => x % 3 === 0).reduce((a, b) => a + b, 0);
}
console.log(result);
