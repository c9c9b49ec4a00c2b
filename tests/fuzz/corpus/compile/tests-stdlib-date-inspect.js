// How console.log and util.inspect print a Date: its toISOString, "Invalid Date", with
// extra own properties, nested in arrays and objects, with a changed or null
// prototype, coloured; util.format's %s, %o, %O, %j and %d with a Date.
const util = require('util');
const d = new Date(Date.UTC(2024, 0, 15, 10, 30));
console.log(d);
console.log(new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(-1));
console.log([d, new Date(NaN)], { d, nested: { deeper: [d] } });
const extra = new Date(0);
extra.label = 'epoch';
extra[Symbol('s')] = 1;
console.log(extra, [extra]);
const bad = new Date(NaN);
bad.why = 'nan';
console.log(bad, { bad });
console.log(Object.setPrototypeOf(new Date(0), null));
console.log(Object.setPrototypeOf(new Date(0), Object.prototype));
const tagged = new Date(0);
Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Tagged' });
console.log(tagged);
console.log(Object.create(Date.prototype), Date.prototype);
console.log(util.inspect(d, { colors: true }), util.inspect([d], { colors: true }));
console.log(util.inspect({ a: { b: { c: { d } } } }, { depth: 0 }), util.inspect({ a: { d } }, { depth: 1 }));
console.log(util.format('%s|%o|%O|%j|%d|%i|%f', d, d, d, d, d, d, d));
console.log(util.format('%s %s', new Date(NaN), extra), util.format(d, 'x'));
console.log(String(util.inspect(new Date(0)).length), typeof util.inspect(d));
