// Reflect: every function, its arguments' checks and its answers.
console.log(Object.getOwnPropertyNames(Reflect), String(Reflect), Reflect[Symbol.toStringTag]);
console.log(Object.getOwnPropertyNames(Reflect).map((k) => `${k}/${Reflect[k].length}`).join(' '));
const o = { a: 1 };
Object.defineProperty(o, 'ro', { value: 2 });
console.log(Reflect.get(o, 'a'), Reflect.get([5, 6], 1), Reflect.get({ get x() { return this; } }, 'x', 42));
console.log(Reflect.set(o, 'a', 3), o.a, Reflect.set(o, 'ro', 9), o.ro);
const recv = {};
console.log(Reflect.set({ set s(v) { this.got = v; } }, 's', 'v', recv), recv);
console.log(Reflect.set({}, 'n', 1, recv), recv.n, Reflect.set({}, 'm', 1, 7));
console.log(Reflect.has(o, 'a'), Reflect.has(o, 'toString'), Reflect.has([], 'length'));
console.log(Reflect.deleteProperty(o, 'a'), Reflect.deleteProperty(o, 'ro'), o);
console.log(Reflect.defineProperty(o, 'd', { value: 1, enumerable: true }), Reflect.defineProperty(o, 'ro', { value: 3 }));
console.log(Reflect.getOwnPropertyDescriptor(o, 'd'), Reflect.getOwnPropertyDescriptor(o, 'zz'));
console.log(Reflect.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g'));
console.log(Reflect.ownKeys({ b: 1, 2: 0, [Symbol('s')]: 1, a: 1 }), Reflect.ownKeys([1, 2]));
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(Object.preventExtensions({}), {}));
const frozen = Object.freeze({});
console.log(Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o), Reflect.isExtensible(frozen));
console.log(Reflect.apply(Math.max, null, [1, 5, 2]), Reflect.apply(function () { return this; }, 'x', []) instanceof String);
console.log(Reflect.apply(Array.prototype.concat, [1], { length: 2, 0: 'a', 1: 'b' }));
class A { constructor(x) { this.x = x; this.nt = new.target.name; } }
class B {}
console.log(Reflect.construct(A, [1]), Reflect.construct(A, [2], B), Reflect.construct(A, [3], B) instanceof B);
console.log(Reflect.construct(Date, [0], Object) instanceof Date, Reflect.construct(Array, [3]).length);
function t(name, f) { try { console.log(name, f()); } catch (e) { console.log(name, e.constructor.name + ': ' + e.message); } }
for (const k of Object.getOwnPropertyNames(Reflect)) t(k, () => Reflect[k]('x'));
t('apply object', () => Reflect.apply({}, null, []));
t('apply null', () => Reflect.apply(null, null, []));
t('apply no list', () => Reflect.apply(Math.max, null));
t('construct arrow', () => Reflect.construct(() => {}, []));
t('construct bad newTarget', () => Reflect.construct(function () {}, [], Math.max));
t('construct no list', () => Reflect.construct(function () {}));
t('defineProperty bad descriptor', () => Reflect.defineProperty({}, 'x', 1));
t('defineProperty getter and value', () => Reflect.defineProperty({}, 'x', { get() {}, value: 1 }));
t('setPrototypeOf bad', () => Reflect.setPrototypeOf({}, 1));
t('key conversion', () => Reflect.get({ k: 1 }, { toString() { return 'k'; } }));
t('new Reflect.get', () => new Reflect.get({}, 'a'));
t('Reflect()', () => Reflect());
