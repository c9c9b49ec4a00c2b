// An uncaught AssertionError: node's assert.js line above it, the diff, then its properties
const assert = require('assert');
assert.deepStrictEqual({ a: 1, b: [1, 2], c: { d: { e: 1 } } }, { a: 2, b: [1, 2], c: { d: { e: 1 } } });
