// A native's GC handles are released when it returns (the call owns the scope), so
// natives called 100,000 times, or calling back into JavaScript 100,000 times, do not
// run out of handles.
const http = require('http');
const util = require('util');
const EventEmitter = require('events');
let t;
for (let i = 0; i < 100000; i++) t = process.hrtime();
console.log(Array.isArray(t), t.length);
let s;
for (let i = 0; i < 100000; i++) s = http.createServer();
console.log(typeof s.listen);
const mapped = [...Array(100000)].map((_, i) => ({ i, s: 'x' + i, a: [i] }));
console.log(mapped.length, mapped[99999].s, mapped[12345].a[0]);
const sum = mapped.reduce((acc, o) => acc + o.a.concat([1])[0], 0);
console.log(sum);
let got = 0;
for (let i = 0; i < 100000; i++) got += ({ get x() { return 1; }, set x(v) {} }).x;
console.log(got);
const e = new EventEmitter();
let heard = 0;
for (let i = 0; i < 70000; i++) { e.once('x', () => heard++); e.emit('x'); }
console.log(heard);
let text = '';
for (let i = 0; i < 70000; i++) text = util.format('%s-%d', 'a', i);
console.log(text, util.inspect({ deep: [1, { x: 'y' }] }).length);
for (let i = 0; i < 70000; i++) { try { null.x; } catch (err) { text = err.message; } }
console.log(text);
const keys = [];
for (let i = 0; i < 70000; i++) keys.push(...Object.keys({ [i]: 1 }));
console.log(keys.length, JSON.stringify(JSON.parse('{"a":[1,2,{"b":null}]}')));
