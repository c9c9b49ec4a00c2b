// Makes garbage: every object but the last is dead at once.
let last;
for (let i = 0; i < 300000; i++) last = { i, text: 'item ' + i };
console.log(last.i);
