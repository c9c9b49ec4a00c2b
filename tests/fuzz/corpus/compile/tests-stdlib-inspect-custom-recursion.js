// A custom inspector that inspects its own root again recurses until the stack runs out;
// as in node, the object whose entries were being formatted prints a note in its place
// and the inspection goes on, instead of throwing or crashing. (Issue 12, item 1.) How
// deep that happens depends on the engine's stack, so only the note is checked.
const util = require('util');
const note = '[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]';
const o = { a: { b: { [util.inspect.custom]() { return util.inspect(o); } } } };
const s = util.inspect(o);
console.log(s.startsWith('{\n  a: {\n    b: {\n      a: {'), s.includes(note), s.endsWith('\n}'));

const p = { a: { b: { [util.inspect.custom]() { return util.format('%o', p); } } } };
console.log(util.format('%s', p).length > 0);

// A getter that inspects its holder again is stopped the same way.
const q = { get self() { return util.inspect(q, { getters: true }); } };
console.log(util.inspect(q, { getters: true }).includes('Inspection interrupted'));
