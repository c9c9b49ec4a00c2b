// An object pattern's rest: the named keys are left out before anything is asked of the
// source (a proxy sees no getOwnPropertyDescriptor or get for them), computed and numeric
// keys included; and `__proto__: function(){}` in a literal names nothing.
const log = [];
const source = new Proxy({ a: 1, b: 2, 3: 'three', [Symbol.for('s')]: 4, c: 5 }, {
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push(`gopd ${String(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
  get(t, k, r) { log.push(`get ${String(k)}`); return Reflect.get(t, k, r); },
});
const key = 'b';
const { a, [key]: b, 3: three, ...rest } = source;
console.log(a, b, three, rest);
console.log(log.join(', '));
log.length = 0;
const copy = { ...source };
console.log(copy, log.join(', '));
const { [Symbol.for('s')]: s, ...noSymbol } = { [Symbol.for('s')]: 1, x: 2 };
console.log(s, noSymbol);
const withProto = { __proto__: function () {} };
const withQuotedProto = { '__proto__': class {} };
const computed = { ['__proto__']: function () {} };
console.log(JSON.stringify([Object.getPrototypeOf(withProto).name,
  Object.getPrototypeOf(withQuotedProto).name, Object.getOwnPropertyDescriptor(computed, '__proto__').value.name]));
