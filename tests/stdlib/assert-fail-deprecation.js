// assert.fail with two or more arguments: node's DEP0094, once.
const assert = require('assert');
for (let i = 0; i < 2; i++) {
  try { assert.fail(1, 2); } catch (e) { console.log(e.message, e.operator); }
}
try { assert.fail(1, 2, 'custom', '>'); } catch (e) { console.log(e.message, e.operator); }
process.emitWarning('after the deprecation');
