// util's JavaScript half: promisify (custom too), callbackify (falsy rejections), inherits,
// deprecate (once per code), the is* predicates, stripVTControlCharacters, toUSVString,
// getSystemErrorName, debuglog off, _extend; with node's argument errors.
const util = require('util');
console.log(util.isBoolean(1), util.isArray([]), util.isPrimitive(null), util.isFunction(() => 1),
  util.isObject(null), util.isError(new TypeError()), util.isRegExp(/x/), util.isDate(new Date()),
  util.isNullOrUndefined(undefined), util.isSymbol(Symbol()), util.isNumber(NaN), util.isString(''),
  util.isUndefined(null), util.isNull(null), util.isPrimitive({}), util.isBuffer([]));
for (const f of [() => util.promisify(1), () => util.callbackify('x'), () => util.inherits(function A() {}, null),
  () => util.inherits(function A() {}, {}), () => util.inherits(null, function () {}),
  () => util.deprecate(1), () => util.deprecate(() => 1, 'm', 5), () => util.stripVTControlCharacters(1),
  () => util.getSystemErrorName('x'), () => util.getSystemErrorName(1), () => util.callbackify(async () => 1)(1)]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
function A() {} function B() {} B.prototype.hi = function () { return 'hi' };
util.inherits(A, B);
console.log(Object.getOwnPropertyDescriptor(A, 'super_'), new A().hi(), A.super_ === B);
const doubled = util.promisify((a, cb) => cb(null, a * 2, 'x'));
console.log(doubled.name, doubled.length, doubled);
function named(x, cb) { cb(new Error('bad ' + x)); }
const pn = util.promisify(named);
console.log(pn.name, pn.length, util.promisify(pn) === pn);
const cbf = util.callbackify(async function foo(a) { return a + 1; });
console.log(cbf.name, cbf.length, cbf);
function legacy(cb) {} legacy[util.promisify.custom] = () => 'custom';
console.log(util.promisify(legacy) === legacy[util.promisify.custom], util.promisify.custom);
const d = util.deprecate(function old(x) { return x * 3; }, 'old() is old', 'DEP0999');
const d2 = util.deprecate(() => 'again', 'same code', 'DEP0999');
console.log(d(1), d(2), d.name, d2(), Object.getPrototypeOf(d) === Object.getPrototypeOf(d));
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u001b[1;2Hend'));
console.log(util.toUSVString('a\ud800b'), util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorName(-99999));
const dbg = util.debuglog('mysection');
dbg('not shown %d', 1); console.log(dbg.enabled);
console.log(util._extend({ a: 1 }, { b: 2 }), util._extend({ a: 1 }, null));
doubled(21).then((v) => console.log('resolved', v));
pn(5).catch((e) => console.log('rejected', e.message));
cbf(1, (e, v) => console.log('cb', e, v));
util.callbackify(() => Promise.reject(null))((e) => console.log(e.code, e.message, e.reason));
util.callbackify(() => Promise.reject(0))((e) => console.log(e.code, e.reason));
util.callbackify(() => Promise.reject(new Error('r')))((e) => console.log(e.message));
// The native half lives under internal/, which scripts cannot require.
try { require('internal/validators'); } catch (e) { console.log(e.code); }
// util.promisify of the timers and of fs.exists: their [util.promisify.custom], which
// setTimeout and setImmediate hold as a getter (timers/promises' functions)
const custom = util.promisify.custom;
console.log(setTimeout, Object.getOwnPropertyDescriptor(setImmediate, custom));
console.log(util.promisify(setTimeout) === require('timers/promises').setTimeout,
  util.promisify(setImmediate) === require('timers/promises').setImmediate, require('fs').exists[custom].name);
util.promisify(setTimeout)(1, 'slept').then((v) => console.log(v));
