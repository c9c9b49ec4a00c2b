// Graded exercise 2 of chapter 10: util.inspect's getters option also takes 'get' (run
// only getters without a setter) and 'set' (only getters with a setter); any other
// value but true itself runs none, and a custom inspector sees the mode as given.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/10/getters-modes.js).
const util = require('util');
const o = {
  get only() { return 1; },
  get both() { return { n: 2 }; },
  set both(v) {},
  set setter(v) {},
  get throws() { throw new Error('no'); },
  set throws(v) {},
};
for (const getters of [true, false, 'get', 'set', 'yes', 1])
  console.log(String(getters).padEnd(5), util.inspect(o, { getters }));
const custom = { [util.inspect.custom](depth, options) { return 'mode ' + options.getters; } };
console.log(util.inspect({ custom }, { getters: 'set' }));
console.log(util.inspect({ custom }, { getters: 'get' }));
