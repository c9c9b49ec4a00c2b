function makeCounter() {
  let count = 0;
  return () => ++count;
}
const next = makeCounter();
next();

const fns = [];
for (let i = 0; i < 3; i++) {
  fns.push(() => i);
}
console.log(fns.map((f) => f()));
