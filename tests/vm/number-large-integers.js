// Integers past 2^53 print their shortest round-tripping digits, as every number does;
// below it, every digit.
const values = [2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 144115188075855856, -144115188075855856,
  123456789012345680000, 2 ** 60, 999999999999999900, 1e21 - 65536];
for (const v of values) console.log(String(v), JSON.stringify({ [v]: v }), `${-v}`);
