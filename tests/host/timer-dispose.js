// A Timeout's and an Immediate's [Symbol.dispose]() clears them, as node 20's does.
const t = setTimeout(() => console.log('timeout ran'), 1);
const proto = Object.getPrototypeOf(t);
const d = Object.getOwnPropertyDescriptor(proto, Symbol.dispose);
console.log(typeof d.value, d.value.name === '', d.value.length, d.writable, d.enumerable, d.configurable);
t[Symbol.dispose]();
console.log(t._destroyed, t.hasRef());
const i = setImmediate(() => console.log('immediate ran'));
i[Symbol.dispose]();
console.log(i.hasRef(), typeof Object.getPrototypeOf(i)[Symbol.dispose]);
setTimeout(() => console.log('done'), 5);
