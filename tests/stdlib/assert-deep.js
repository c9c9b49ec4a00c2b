// assert: deep equality corners and AssertionError made by hand
const assert = require('assert');
const util = require('util');
const eq = (a, b) => [util.isDeepStrictEqual(a, b), (() => { try { assert.deepEqual(a, b); return true; } catch { return false; } })()];
console.log(eq(new Set([NaN]), new Set([NaN])), eq(new Set(['1']), new Set([1])), eq(new Map([[1, '1']]), new Map([[1, 1]])));
console.log(eq({ [Symbol.toStringTag]: 'X' }, {}), eq([1, 2], { 0: 1, 1: 2, length: 2 }), eq(new Date(NaN), new Date(NaN)));
console.log(eq(new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])), eq(new Map([[{ k: 1 }, 'a']]), new Map([[{ k: 1 }, 'b']])));
console.log(eq(Object.assign([1], { x: 1 }), [1]), eq(new String('ab'), new String('ab')), eq(new Boolean(true), new Boolean(false)));
console.log(eq(0, -0), eq(1, '1'), eq(null, undefined), eq({ a: undefined }, {}), eq(() => 1, () => 1));
class A { constructor() { this.x = 1; } }
console.log(eq(new A(), { x: 1 }), eq(new Error('a'), new TypeError('a')));
const m = new Map([[1, 2]]);
const trap = { get v() { m.clear(); return 1; } };
console.log(eq({ m, t: trap }, { m: new Map([[1, 2]]), t: { v: 1 } }));
console.log(new assert.AssertionError({ actual: 1, expected: 2 }).message);
console.log(new assert.AssertionError({ actual: 1, expected: 2, operator: 'foo' }).message);
console.log(new assert.AssertionError({ message: 'hi', actual: [1], expected: [2], operator: 'deepStrictEqual' }).message);
try { assert.AssertionError({}); } catch (e) { console.log(e.message); }
try { new assert.AssertionError(1); } catch (e) { console.log(e.code, e.message); }
Object.prototype.toString = () => 'hijacked';
console.log(eq(new Map(), new Set()), eq([], []));
