// Maps and Sets: a word count over 400,000 generated words with a Map, then dedup with
// Sets (of the words, and of numbers), and deleting everything again.
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'qu', 'ji'];
let seed = 12345;
function next() {
  seed = (seed * 16807) % 2147483647; // Park-Miller: exact in doubles, the same everywhere
  return seed;
}
const words = [];
for (let i = 0; i < 400000; i++) {
  const n = 1 + (next() % 4);
  let w = '';
  for (let j = 0; j < n; j++) w += syllables[next() % 12];
  words.push(w);
}
const counts = new Map();
for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
let best = '', bestCount = 0;
for (const [w, c] of counts) if (c > bestCount) (best = w), (bestCount = c);
const unique = new Set(words);
let removed = 0;
for (const w of words) if (unique.delete(w)) removed++;
const numbers = new Set();
for (let i = 0; i < 200000; i++) numbers.add(next() % 50000);
let sum = 0;
numbers.forEach((v) => (sum += v));
console.log(counts.size, best, bestCount, removed, unique.size, numbers.size, sum);
