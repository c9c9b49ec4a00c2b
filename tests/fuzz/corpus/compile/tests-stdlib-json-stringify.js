// JSON.stringify: values, escaping, toJSON, replacer, indentation, cycles.
console.log(JSON.stringify({ a: 1, b: 'two', c: [true, null], d: { e: -0 } }));
console.log(JSON.stringify('he said "hi"\n\t\\'), JSON.stringify('\u0001\u001f\u007f\u2028'), JSON.stringify('é😀'));
console.log(JSON.stringify('\ud800'), JSON.stringify('\udc00x'), JSON.stringify('\ud83d\ude00'), JSON.stringify('a\ud83dz'));
console.log(JSON.stringify(NaN), JSON.stringify(Infinity), JSON.stringify(-0), JSON.stringify(1e21), JSON.stringify(0.1 + 0.2));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol('s')), JSON.stringify(null));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), [Symbol('k')]: 1, n: null, ok: 1 }));
console.log(JSON.stringify([undefined, function () {}, Symbol(), NaN, , 'end']));
console.log(JSON.stringify(Object(1)) + JSON.stringify(Object('s')) + JSON.stringify(Object(false)));
console.log(JSON.stringify({ 2: 'b', 1: 'a', z: 0, [-1]: 'neg' }), JSON.stringify(Object.create({ inherited: 1 })));
console.log(JSON.stringify(Object.defineProperty({}, 'hidden', { value: 1 })), JSON.stringify({ get g() { return 'got' } }));

// toJSON
console.log(JSON.stringify({ toJSON(key) { return 'key=' + key } }), JSON.stringify({ x: { toJSON: k => k + '!' } }));
console.log(JSON.stringify([{ toJSON(k) { return 'at ' + k } }]), JSON.stringify({ toJSON: 1, v: 2 }));

// The replacer: a function or a list of keys.
console.log(JSON.stringify({ a: 1, b: 'x', c: [1, 2] }, (k, v) => (typeof v === 'number' ? v * 100 : v)));
console.log(JSON.stringify({ a: 1, b: 2 }, function (k, v) { return k === '' ? v : k === 'a' ? undefined : v }));
const keys = [];
JSON.stringify({ a: 1, b: [5] }, (k, v) => { keys.push(k === '' ? '(root)' : k); return v });
console.log(keys.join(' '));
console.log(JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c', 'a', 1]), JSON.stringify({ 1: 'one', x: 2 }, [1, new String('x')]));
console.log(JSON.stringify([1, { a: 2, b: 3 }], ['b']));

// Indentation.
console.log(JSON.stringify({ a: [1, { b: 2 }], c: 'x', e: [], f: {} }, null, 2));
console.log(JSON.stringify([1, [2, []]], null, '--'));
console.log(JSON.stringify({ a: 1 }, null, 20), JSON.stringify({ a: 1 }, null, 'abcdefghijklmnop'));
console.log(JSON.stringify([1, 2], null, new Number(1)), JSON.stringify({ a: 1 }, null, 0), JSON.stringify({ a: 1 }, null, ''));
console.log(JSON.stringify({ a: undefined }, null, 2), JSON.stringify([undefined], null, 2));

// Cycles.
function tryIt(f) { try { console.log(f()) } catch (e) { console.log(e.name + ': ' + e.message) } }
tryIt(() => { const o = {}; o.self = o; return JSON.stringify(o) });
tryIt(() => { const o = { a: { b: [{ c: null }] } }; o.a.b[0].c = o; return JSON.stringify(o) });
tryIt(() => { const o = { a: { b: [{ c: null }] } }; o.a.b[0].c = o.a; return JSON.stringify(o) });
tryIt(() => { const a = [1]; a.push(a); return JSON.stringify(a) });
tryIt(() => { function F() {} const o = new F(); o.x = { y: o }; return JSON.stringify(o) });
tryIt(() => { const o = Object.create(null); o.x = o; return JSON.stringify(o) });
tryIt(() => { const o = {}; let c = o; for (let i = 0; i < 10; i++) { c.n = {}; c = c.n } c.back = o; return JSON.stringify(o) });
tryIt(() => { const shared = { s: 1 }; return JSON.stringify({ a: shared, b: shared, c: [shared] }) });
tryIt(() => JSON.stringify({ toJSON() { throw new Error('from toJSON') } }));
