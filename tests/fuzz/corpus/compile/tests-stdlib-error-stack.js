// The stack property: the header line and where the frames start.
const e = new Error('with a stack');
const lines = e.stack.split('\n');
console.log(lines[0]);
console.log(lines[1].startsWith('    at '), lines[1].includes('error-stack.js:2:'));
function inner() { return new TypeError('made in inner') }
function outer() { return inner() }
const s = outer().stack.split('\n');
console.log(s[0]);
console.log(s[1].trim().split(' ')[1], s[2].trim().split(' ')[1]);
console.log(Object.getOwnPropertyNames(new Error('x')).join());
const d = Object.getOwnPropertyDescriptor(new Error('x'), 'stack');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);

// Error.captureStackTrace puts a stack on any object.
const o = { name: 'Custom', message: 'captured' };
Error.captureStackTrace(o);
console.log(o.stack.split('\n')[0], Object.keys(o).join());
const plain = {};
Error.captureStackTrace(plain);
console.log(plain.stack.split('\n')[0]);
function hidden() {
  const t = {};
  Error.captureStackTrace(t, hidden);
  return t.stack;
}
console.log(hidden().split('\n')[1].includes('hidden'));
try { Error.captureStackTrace(1) } catch (err) { console.log(err.name) }
console.log(typeof Error.stackTraceLimit);

// A native method's frame shows up in the stack like V8's.
try { [].reduce((a, b) => a + b) } catch (err) {
  console.log(err.stack.split('\n').slice(0, 2).join(' / '));
}
