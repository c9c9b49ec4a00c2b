// A native that converts one argument and then another (whose valueOf or toString can
// allocate enough to collect) keeps the first result alive. (Issue 12, item 3.)
// Under TINYNODE_GC_STRESS every allocation collects, so a little churn is enough there.
const size = process.env.TINYNODE_GC_STRESS ? 10 : 50000;
function churn() { const a = []; for (let i = 0; i < size; i++) a.push({ i }); return a.length; }
const late = (n) => ({ valueOf() { churn(); return n; } });
const fresh = (s) => ({ toString() { return s + 'x'.slice(1); } }); // a new string each time

console.log(String.prototype.codePointAt.call(12345, late(1)));
console.log(String.prototype.charAt.call(12345, late(1)));
console.log(String.prototype.charCodeAt.call(12345, late(1)));
console.log(String.prototype.at.call(12345, late(-1)));
console.log(String.prototype.slice.call(fresh('abcdef'), late(1), late(4)));
console.log(String.prototype.padStart.call(fresh('ab'), late(6), fresh('-')));
console.log(String.prototype.indexOf.call(fresh('hello'), fresh('l'), late(3)));
console.log(parseInt(fresh(' 12'), late(10)), parseInt(fresh('ff'), late(16)));
console.log(String(Symbol(fresh('desc'))), Symbol.for(fresh('key')) === Symbol.for('key'));
console.log([1, 2, 3].join(fresh('-')), [fresh('a'), fresh('b')].join(late(0)));
console.log('abc'.repeat(late(2)), 'a-b-c'.split(fresh('-'), late(2)));
