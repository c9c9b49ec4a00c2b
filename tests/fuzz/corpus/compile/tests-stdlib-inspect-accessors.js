// Getters and setters, hidden properties, Object.create.
const util = require('util');
const o = {
  get g() { return { v: 1 }; },
  set s(v) {},
  get gs() { return 5; },
  set gs(v) {},
  plain: 1,
};
console.log(o);
console.log(util.inspect(o, { getters: true }));
const thrower = { get bad() { throw new Error('nope'); } };
console.log(util.inspect(thrower, { getters: true }));
const hidden = { visible: 1 };
Object.defineProperty(hidden, 'secret', { value: 2, enumerable: false });
Object.defineProperty(hidden, "it's", { value: 3, enumerable: false });
console.log(hidden);
console.log(util.inspect(hidden, { showHidden: true }));
console.log(util.inspect([1, 2], { showHidden: true }));
const proto = { inherited: 1 };
const child = Object.create(proto);
child.own = 1;
console.log(child);
const nul = Object.create(null);
nul.a = 1;
console.log(nul, [nul]);
console.log({ deep: { deeper: { deepest: Object.create(null) } } });
console.log({ deep: { deeper: { deepest: nul } } });
