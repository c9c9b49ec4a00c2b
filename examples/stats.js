// stats.js: reads numbers from standard input, one per line, and prints statistics.
//
//   tinynode examples/stats.js < numbers.txt
//   printf '3\n1\n4\n1\n5\n' | tinynode examples/stats.js
//
// Lines that are not numbers are reported and skipped; blank lines are ignored.
const readline = require('readline');

const rl = readline.createInterface({ input: process.stdin });
const numbers = [];
let lineNumber = 0;

rl.on('line', (line) => {
  lineNumber++;
  const text = line.trim();
  if (text === '') return;
  const value = Number(text);
  if (Number.isNaN(value)) {
    console.error(`line ${lineNumber}: not a number: ${JSON.stringify(text)}`);
    return;
  }
  numbers.push(value);
});

rl.on('close', () => {
  if (numbers.length === 0) {
    console.log('No numbers read.');
    return;
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  const sum = numbers.reduce((a, b) => a + b, 0);
  const mean = sum / numbers.length;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const variance = numbers.reduce((a, x) => a + (x - mean) ** 2, 0) / numbers.length;
  console.log(`count:   ${numbers.length}`);
  console.log(`sum:     ${sum}`);
  console.log(`min:     ${sorted[0]}`);
  console.log(`max:     ${sorted[sorted.length - 1]}`);
  console.log(`mean:    ${mean.toFixed(3)}`);
  console.log(`median:  ${median}`);
  console.log(`std dev: ${Math.sqrt(variance).toFixed(3)}`);
  console.table({ smallest: sorted.slice(0, 3), largest: sorted.slice(-3) });
});
