// util.types and util.isDeepStrictEqual
const util = require('util');
const { types } = util;
function* gen() {}
async function af() {}
async function* ag() {}
const values = {
  date: new Date(0), regexp: /x/, map: new Map(), set: new Set(), weakmap: new WeakMap(),
  weakset: new WeakSet(), promise: Promise.resolve(1), proxy: new Proxy({}, {}),
  u8: new Uint8Array(2), f64: new Float64Array(1), i16: new Int16Array(1),
  buffer: new ArrayBuffer(4), view: new DataView(new ArrayBuffer(2)), gen, genObj: gen(),
  af, ag, arrow: () => 1, num: new Number(1), str: new String('s'), bool: new Boolean(false),
  sym: Object(Symbol('s')), err: new TypeError('t'), mapIter: new Map().keys(),
  setIter: new Set().values(), args: (function () { return arguments; })(), plain: {},
  prim: 1, nul: null, arr: [],
};
for (const name of Object.keys(types)) {
  const yes = Object.keys(values).filter((k) => types[name](values[k]));
  console.log(name, yes.join(' '));
}
const eq = util.isDeepStrictEqual;
console.log(eq({ a: [1, 2] }, { a: [1, 2] }), eq({ a: 1 }, { a: '1' }), eq(NaN, NaN), eq(0, -0));
console.log(eq(new Map([[{ k: 1 }, 2]]), new Map([[{ k: 1 }, 2]])), eq(new Set([[1]]), new Set([[2]])));
const c1 = { a: 1 }; c1.self = c1; const c2 = { a: 1 }; c2.self = c2;
console.log(eq(c1, c2), eq([1, , 3], [1, undefined, 3]), eq(Object.create(null), {}));
console.log(eq(new Date(5), new Date(5)), eq(/a/g, /a/g), eq(new Error('x'), new Error('x')));
console.log(eq({ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 }), eq(new Number(1), new Number(1)));
console.log(eq(new Uint8Array([1]), new Int8Array([1])), eq(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
