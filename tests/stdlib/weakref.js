// WeakRef and FinalizationRegistry without a collection: construction, the checks and
// V8's messages, deref, register/unregister results, printing and subclassing.
const t = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
};
const o = { a: 1 };
t(() => new WeakRef(o).deref() === o);
t(() => new WeakRef(Symbol('local')).deref().toString());
for (const bad of [1, 'abc', null, undefined, Symbol.for('registered')]) t(() => new WeakRef(bad));
t(() => WeakRef(o));
t(() => WeakRef.prototype.deref.call({}));
t(() => WeakRef.prototype.deref.call(new FinalizationRegistry(() => {})));
t(() => new FinalizationRegistry());
t(() => new FinalizationRegistry({}));
t(() => FinalizationRegistry(() => {}));
const r = new FinalizationRegistry(() => {});
t(() => r.register(1));
t(() => r.register(o, o));
t(() => r.register(o, 'held'));
t(() => r.register(o, 'held', undefined));
for (const bad of [1, 'abc', null, true, Symbol.for('registered')]) {
  t(() => r.register(o, 'held', bad));
  t(() => r.unregister(bad));
}
t(() => r.unregister(undefined));
const token = {};
t(() => r.register(o, 'one', token));
t(() => r.register({}, 'two', token));
t(() => r.unregister(token));
t(() => r.unregister(token));
t(() => r.register(o, 'sym', Symbol('token')));
t(() => FinalizationRegistry.prototype.register.call({}, o));
t(() => FinalizationRegistry.prototype.unregister.call(new WeakRef(o), o));
console.log(new WeakRef(o), r, [new WeakRef(o)], { r });
console.log(Object.prototype.toString.call(new WeakRef(o)), String(r));
console.log(Object.getOwnPropertyNames(WeakRef.prototype), Object.getOwnPropertyNames(FinalizationRegistry.prototype));
console.log(WeakRef.length, FinalizationRegistry.length, r.register.length, r.unregister.length, WeakRef.prototype.deref.length);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'WeakRef'));
class MyRef extends WeakRef {
  constructor(target) {
    super(target);
    this.extra = true;
  }
}
const mine = new MyRef(o);
console.log(mine, mine.deref() === o, mine instanceof WeakRef);
class MyRegistry extends FinalizationRegistry {}
console.log(new MyRegistry(() => {}));
t(() => Reflect.construct(WeakRef, [o], Object).deref() === o);
