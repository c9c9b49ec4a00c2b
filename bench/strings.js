// Building strings and calling methods on them.
const parts = [];
for (let i = 0; i < 200000; i++) parts.push('item' + i);
const joined = parts.join(',');
let count = 0;
for (const s of joined.split(',')) if (s.endsWith('7')) count++;
console.log(joined.length, count);
