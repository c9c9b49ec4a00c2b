// Strict code that assigns where [[Set]] refuses gets V8's TypeError for the reason: a
// primitive receiver, a read-only property, a getter without a setter, a non-extensible object.
'use strict';
const t = (f) => { try { f() } catch (e) { console.log(e.message) } };
t(() => { Symbol('a').x = 1 });
t(() => { true.x = 1 });
t(() => { 'ab'.length = 1 });
t(() => { (1.5).x = 1 });
t(() => { ({ get x() { return 1 } }).x = 2 });
t(() => { Object.freeze([]).push(1) });
t(() => { Object.freeze([])[0] = 1 });
t(() => { const a = Object.preventExtensions([1]); a[5] = 1 });
t(() => { Object.preventExtensions({})[Symbol('q')] = 1 });
t(() => { const o = Object.create(Object.freeze({ y: 1 })); o.y = 2 });
t(() => { Math.PI = 1 });
t(() => { (function f() { f = 1 })() });
t(() => { ''.x = 1 });
t(() => { 'a\nb'.x = 1 });

t(() => { require('events').prototype.on.call(1, 'x', () => {}) }); // a native that assigns to this
t(() => { Object.defineProperty([], 'length', { writable: false }).push(1) });
t(() => { const s = 'q'.repeat(2000); s.x = 1 }); // the message quotes a long string whole
