// Every path that reads objects sees through a proxy, and the traps run in the spec's order.
const log = [];
function logged(target) {
  return new Proxy(target, {
    get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
    set(t, k, v, r) { log.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
    has(t, k) { log.push('has ' + String(k)); return Reflect.has(t, k); },
    deleteProperty(t, k) { log.push('delete ' + String(k)); return Reflect.deleteProperty(t, k); },
    ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
    defineProperty(t, k, d) { log.push('define ' + String(k)); return Reflect.defineProperty(t, k, d); },
    getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
    setPrototypeOf(t, p) { log.push('setPrototypeOf'); return Reflect.setPrototypeOf(t, p); },
    isExtensible(t) { log.push('isExtensible'); return Reflect.isExtensible(t); },
    preventExtensions(t) { log.push('preventExtensions'); return Reflect.preventExtensions(t); },
  });
}
function show(name, f) {
  log.length = 0;
  let r;
  try { r = f(); } catch (e) { r = e.constructor.name + ': ' + e.message; }
  console.log(name, r, log.join(', '));
}
const sym = Symbol('s');
const base = () => { const o = { a: 1, b: 2, [sym]: 3 }; Object.defineProperty(o, 'h', { value: 4 }); return o; };
show('get', () => logged(base()).a);
show('set', () => { const p = logged(base()); p.a = 5; return p.a; });
show('set new', () => { const p = logged(base()); p.z = 5; return p.z; });
show('in', () => 'a' in logged(base()));
show('delete', () => delete logged(base()).a);
show('keys', () => Object.keys(logged(base())));
show('values', () => Object.values(logged(base())));
show('entries', () => JSON.stringify(Object.entries(logged(base()))));
show('names', () => Object.getOwnPropertyNames(logged(base())));
show('symbols', () => Object.getOwnPropertySymbols(logged(base())).length);
show('assign', () => JSON.stringify(Object.assign({}, logged(base()))));
show('spread', () => JSON.stringify({ ...logged(base()) }));
show('for-in', () => { const ks = []; for (const k in logged(base())) ks.push(k); return ks; });
show('for-in proto', () => { const ks = []; for (const k in Object.create(logged(base()))) ks.push(k); return ks; });
show('json', () => JSON.stringify(logged(base())));
show('json array', () => JSON.stringify(logged([1, [2, logged({ c: 3 })]])));
show('isArray', () => [Array.isArray(logged([])), Array.isArray(logged({})), Array.isArray(new Proxy(new Proxy([], {}), {}))]);
show('freeze', () => Object.isFrozen(Object.freeze(logged(base()))));
show('seal', () => Object.isSealed(Object.seal(logged(base()))));
show('defineProperty', () => Object.defineProperty(logged({}), 'x', { value: 1 }).x);
show('getPrototypeOf', () => Object.getPrototypeOf(logged([])) === Array.prototype);
show('setPrototypeOf', () => Object.getPrototypeOf(Object.setPrototypeOf(logged({}), null)));
show('instanceof', () => logged([]) instanceof Array);
show('isPrototypeOf', () => Array.prototype.isPrototypeOf(logged([])));
show('typeof', () => [typeof logged({}), typeof logged(function () {}), typeof logged(class {})]);
show('toString', () => [String(logged({})), Object.prototype.toString.call(logged([])), Object.prototype.toString.call(logged(() => 1))]);
show('fn toString', () => Function.prototype.toString.call(logged(function f(a) { return a; })));
show('iterate', () => [...logged([1, 2])]);
show('destructure', () => { const [x, y] = logged([7, 8]); const { a, b } = logged(base()); return [x, y, a, b]; });
show('hasOwn', () => [Object.hasOwn(logged(base()), 'a'), logged(base()).hasOwnProperty('zz')]);
show('propertyIsEnumerable', () => logged(base()).propertyIsEnumerable('h'));
show('call', () => logged(function (x) { return this.v + x; }).call({ v: 1 }, 2));
show('apply trap', () => new Proxy(function () { return 1; }, { apply: (t, self, args) => args.length * 10 })(1, 2, 3));
show('new', () => new (logged(class P { constructor(x) { this.x = x; } }))(4).x);
show('construct trap', () => new (new Proxy(function () {}, { construct: (t, args, nt) => ({ args, same: nt !== t }) }))(1, 2).args);
show('new.target', () => { let seen; const C = function () { seen = new.target; }; const p = new Proxy(C, {}); new p(); return seen === p; });
show('extends', () => { class B extends logged(class A { m() { return 'm'; } }) {} return new B().m(); });
show('method', () => logged({ f() { return this === undefined; } }).f());
show('prototype chain', () => Object.create(logged({ inherited: 9 })).inherited);
show('set through chain', () => { const o = Object.create(logged({})); o.q = 1; return Object.keys(o); });
show('strict set false', () => { 'use strict'; new Proxy({}, { set: () => false }).x = 1; });
show('sloppy set false', () => { new Proxy({}, { set: () => false }).x = 1; return 'ignored'; });
show('class field', () => { class B { constructor() { return logged(this); } } class C extends B { f = 1; } return new C().f; });
show('private field', () => { class B { constructor() { return logged(this); } } class C extends B { #p = 2; get p() { return this.#p; } } return new C().p; });
show('with getter receiver', () => Reflect.get({ get g() { return this.tag; } }, 'g', { tag: 'receiver' }));
show('bind', () => Object.getPrototypeOf(logged(function f() {}).bind(null)) === Function.prototype);
show('captureStackTrace', () => Error.captureStackTrace(new Proxy({}, {})));
