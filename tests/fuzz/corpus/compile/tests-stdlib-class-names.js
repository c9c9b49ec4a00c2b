// Each class's name (util.inspect's fallback when no constructor is found) and builtin
// tag (Object.prototype.toString), as V8 gives them: vm/class.c's table.
const { inspect } = require('util');
const tag = (v) => Object.prototype.toString.call(v);
function args() { return arguments; }
const nameless = Object.create(Object.create(null)); // a chain without a constructor

const samples = {
  object: {},
  array: [1],
  closure: function f() {},
  arrow: () => 1,
  native: Math.max,
  bound: function g() {}.bind(null),
  error: new Error('e'),
  boolean: Object(true),
  number: Object(1),
  string: Object('ab'),
  symbol: Object(Symbol('s')),
  arguments: args(1, 2),
  'array iterator': [1][Symbol.iterator](),
  'string iterator': 'ab'[Symbol.iterator](),
  timeout: setTimeout(() => {}, 1),
  immediate: setImmediate(() => {}),
};

for (const [what, v] of Object.entries(samples)) console.log(what, tag(v));

// With the prototype chain cut, inspect falls back to the class name.
for (const what of ['object', 'error', 'boolean', 'number', 'string', 'symbol', 'arguments',
                    'array iterator', 'string iterator']) {
  const v = samples[what];
  Object.setPrototypeOf(v, null);
  console.log(what, inspect(v).split('\n')[0]); // (an error's stack frames are node's own)
  Object.setPrototypeOf(v, nameless);
  console.log(what, inspect(v).split('\n')[0]);
  console.log(what, tag(v));
}
clearTimeout(samples.timeout);
clearImmediate(samples.immediate);
