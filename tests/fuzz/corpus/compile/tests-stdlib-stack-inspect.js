// util.inspect with depth: Infinity of values nested 100,000 deep: where the stack runs
// out, node prints "[Object: Inspection interrupted prematurely. Maximum call stack size
// exceeded.]" in the object's place and finishes the levels above it. Where exactly
// depends on the stack, so what is checked is the shape of the text around it.
const util = require('util');

function show(label, value, name, open, close, key) {
  const s = util.inspect(value, { depth: Infinity });
  const marker = `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`;
  const lines = s.split('\n');
  const at = lines.findIndex((l) => l.includes(marker));
  const indent = (l) => l.length - l.trimStart().length;
  console.log(label, s.split(marker).length - 1, lines[0] === open, lines[1].trim() === key + open,
              lines[lines.length - 1] === close, lines.length === 2 * at + 1,
              indent(lines[at]) === 2 * at, lines[at + 1].trim() === close);
}

let o = {};
for (let i = 0; i < 100000; i++) o = { a: o };
show('object', o, 'Object', '{', '}', 'a: ');
let a = [];
for (let i = 0; i < 100000; i++) a = [a];
show('array', a, 'Array', '[', ']', '');
let n = {};
for (let i = 0; i < 100000; i++) { const x = Object.create(null); x.a = n; n = x; }
show('null prototype', n, '[Object: null prototype]', '[Object: null prototype] {', '}', 'a: ');
function Point(p) { this.p = p; }
let p = null;
for (let i = 0; i < 100000; i++) p = new Point(p);
show('constructor', p, 'Point', 'Point {', '}', 'p: ');
console.log('after');
