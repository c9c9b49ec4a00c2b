// ArraySetLength: defineProperty and assignment convert the new length twice (ToUint32,
// then ToNumber: an object's valueOf runs twice), a length made read-only in between
// refuses a define that asks for writable: true, and the RangeErrors and TypeErrors are
// node's.
const show = (f) => { try { console.log(f()); } catch (e) { console.log(e.name, e.message); } };
const a = [1, 2, 3];
show(() => Object.defineProperty(a, 'length', { value: 1 }).length);
show(() => Object.defineProperty(a, 'length', { value: -1 }));
show(() => Object.defineProperty(a, 'length', { value: 1.5 }));
show(() => Object.defineProperty(a, 'length', { value: '2' }).length);
show(() => Object.defineProperty(a, 'length', { value: -0 }).length);
show(() => Object.defineProperty(a, 'length', { value: 2 ** 32 }));
let n = 0; show(() => Object.defineProperty([1], 'length', { value: { valueOf() { n++; return 0; } } }).length + ' calls ' + n);
const b = [1, 2]; Object.defineProperty(b, 'length', { writable: false });
show(() => Object.defineProperty(b, 'length', { value: 2 }).length);
show(() => Object.defineProperty(b, 'length', { value: 2, writable: true }));
show(() => Reflect.defineProperty(b, 'length', { value: 2, writable: true }));
show(() => Reflect.defineProperty(b, 'length', { value: 2, writable: false }));
const c = [1, 2, 3]; c.length = 1; show(() => c);
show(() => { const d = []; d.length = 4294967295; return d.length; });
show(() => { const d = []; d.length = -1; });
const hints = [];
const arr = [1, 2];
arr.length = { [Symbol.toPrimitive](hint) { hints.push(hint); return 1; } };
console.log(hints, arr);
const frozenLater = [1, 2];
let calls = 0;
const len = { valueOf() { if (++calls === 2) Object.defineProperty(frozenLater, 'length', { writable: false }); return 2; } };
show(() => Object.defineProperty(frozenLater, 'length', { value: len, writable: true }));
console.log(calls, Object.getOwnPropertyDescriptor(frozenLater, 'length'));
