// Generators: next/throw/return, finally blocks on return(), yield* delegation,
// generator methods, and the objects around them.
function* counter(n) {
  for (let i = 0; i < n; i++) {
    const sent = yield i;
    if (sent) console.log('sent', sent);
  }
  return 'done';
}
const c = counter(3);
console.log(c.next('ignored'), c.next('a'), c.next(), c.next(), c.next());
console.log([...counter(4)]);

function* guarded() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log('cleanup');
  }
}
const g = guarded();
console.log(g.next(), g.return(42), g.next());
const h = guarded();
h.next();
try { h.throw(new Error('thrown in')); } catch (e) { console.log('caught', e.message); }
console.log(h.next());
console.log(guarded().return(7)); // before the body starts: no cleanup

function* catcher() {
  while (true) {
    try { yield 'waiting'; } catch (e) { console.log('inside got', e); }
  }
}
const k = catcher();
k.next();
console.log(k.throw('oops'));

function* yieldInFinally() {
  try { yield 'body'; } finally { yield 'from finally'; console.log('after finally yield'); }
}
const f = yieldInFinally();
console.log(f.next(), f.return('r'), f.next(), f.next());

function* inner() { const x = yield 'i1'; console.log('inner got', x); return 'inner result'; }
function* outer() { const r = yield* inner(); console.log('r =', r); yield* 'ab'; yield* [1, 2]; }
const o = outer();
console.log(o.next(), o.next('X'), o.next(), o.next(), o.next(), o.next(), o.next());

const delegating = (function* () { yield* guarded(); })();
delegating.next();
console.log(delegating.return('early'));

const obj = { *gen() { yield this === obj; }, *[Symbol.iterator]() { yield 'it'; } };
console.log(obj.gen().next().value, [...obj]);

for (const v of counter(5)) { if (v === 2) break; console.log('loop', v); }
const [a, b, ...rest] = counter(5);
console.log(a, b, rest);

const GeneratorFunction = Object.getPrototypeOf(counter).constructor;
const GeneratorPrototype = Object.getPrototypeOf(counter.prototype);
console.log(GeneratorFunction.name, GeneratorFunction.length, typeof counter.prototype);
console.log(Object.prototype.toString.call(c), Object.prototype.toString.call(Object.getPrototypeOf(counter)));
console.log(Object.getOwnPropertyNames(GeneratorPrototype), GeneratorPrototype[Symbol.toStringTag]);
console.log(Object.getOwnPropertyDescriptor(counter, 'prototype'));
console.log(counter.hasOwnProperty('caller'), 'constructor' in counter.prototype);
console.log(c instanceof counter, Object.getPrototypeOf(c) === counter.prototype);
try { new counter(); } catch (e) { console.log(e.constructor.name, e.message); }
function* self() { me.next(); yield 1; }
const me = self();
try { me.next(); } catch (e) { console.log(e.constructor.name, e.message); }
try { GeneratorPrototype.next.call({}); } catch (e) { console.log(e.constructor.name, e.message); }
function* noThrow() { yield* { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { console.log('closed'); return {}; } }; } }; }
const nt = noThrow();
nt.next();
try { nt.throw(new Error('x')); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(c, [counter]);
