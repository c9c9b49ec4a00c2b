// assert() of a falsy value quotes the call from the source, over several lines too
const assert = require('assert');
try {
  assert(1 > 2);
} catch (e) {
  console.log(e.message);
}
try {
  assert.ok(typeof 123 === 'string' &&
            'x'.length === 1);
} catch (e) {
  console.log(e.message);
}
assert(
  [].length,
);
