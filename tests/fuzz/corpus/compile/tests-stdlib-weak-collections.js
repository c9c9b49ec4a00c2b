// WeakMap and WeakSet: object and unregistered-symbol keys only, with V8's messages; no
// size, no iteration.
const k1 = {}, k2 = function () {}, sym = Symbol('local');
const wm = new WeakMap([[k1, 'one'], [k2, 'two']]);
console.log(wm.get(k1), wm.get(k2), wm.has({}), wm.get({}), wm.set(sym, 3) === wm, wm.get(sym));
console.log(wm.delete(k1), wm.delete(k1), wm.has(k1), wm.get(1), wm.has('x'), wm.delete(null));
const ws = new WeakSet([k1]);
console.log(ws.has(k1), ws.add(k2) === ws, ws.has(k2), ws.delete(k2), ws.has(k2), ws.has(1));
console.log(new WeakSet([Symbol.iterator]).has(Symbol.iterator));
console.log(Object.getOwnPropertyNames(WeakMap.prototype), Object.getOwnPropertyNames(WeakSet.prototype));
console.log(WeakMap.prototype[Symbol.toStringTag], String(ws), 'size' in wm, Symbol.iterator in ws, WeakMap.length, WeakSet.name);
function attempt(f) { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
attempt(() => new WeakMap().set(1, 1));
attempt(() => new WeakMap().set('a', 1));
attempt(() => new WeakMap().set(Symbol.for('registered'), 1));
attempt(() => new WeakSet().add(1));
attempt(() => new WeakSet().add(Symbol.for('registered')));
attempt(() => new WeakSet([null]));
attempt(() => new WeakMap([[1, 2]]));
attempt(() => new WeakMap([1]));
attempt(() => WeakMap());
attempt(() => WeakSet());
attempt(() => WeakMap.prototype.get.call({}, {}));
attempt(() => WeakMap.prototype.set.call(new Map(), {}, 1));
attempt(() => WeakSet.prototype.add.call(new Set(), {}));
attempt(() => WeakSet.prototype.has.call(new WeakMap(), {}));
// many keys that die: the program keeps running and the live ones stay
const keep = [];
const many = new WeakMap();
for (let i = 0; i < 3000; i++) { const k = { i }; many.set(k, { big: new Array(10).fill(i) }); if (i % 500 === 0) keep.push(k); }
console.log(keep.map((k) => many.get(k).big[0]).join(','));
