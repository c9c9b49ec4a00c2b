// Number(), the Number statics, parseInt, parseFloat, isNaN, isFinite, Boolean.
const show = (...xs) => console.log(xs.join(' '));
show(Number(), Number('42'), Number(' 12 '), Number('0x1f'), Number('0b101'), Number('0o17'), Number(''), Number('1e3'));
show(Number('12px'), Number(null), Number(undefined), Number(true), Number([]), Number([5]), Number([1, 2]), Number({}));
show(Number('-Infinity'), Number('+.5'), Number('5.'), Number('\n'), Number('1_000'));
try { Number(Symbol()) } catch (e) { show(e.name + ': ' + e.message) }
const boxed = new Number(5);
show(typeof boxed, boxed + 1, boxed.valueOf(), boxed instanceof Number, Object.prototype.toString.call(boxed));

show(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(Infinity), Number.isInteger(-0));
show(Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), Number.isFinite('1'), Number.isFinite(1), Number.isNaN('x'), Number.isNaN(NaN));
show(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE, Number.MIN_VALUE);
show(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, Number.parseInt === parseInt, Number.parseFloat === parseFloat);
show(JSON.stringify(Object.getOwnPropertyDescriptor(Number, 'EPSILON')));

// parseInt and parseFloat.
show(parseInt('42'), parseInt('  -12abc'), parseInt('0x1f'), parseInt('1f', 16), parseInt('z', 36), parseInt('08'), parseInt(''), parseInt('abc'));
show(parseInt('1e3'), parseInt(15.99), parseInt('123', 1), parseInt('123', 37), parseInt('11', 2), parseInt(null, 36), parseInt('  +0'));
show(parseInt('9007199254740993'), parseInt('123456789012345678901234567890'), parseInt(0.0000005), parseInt('-0'), 1 / parseInt('-0'));
show(parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-Infinityx'), parseFloat('1e'), parseFloat('1e+'), parseFloat('0x10'));
show(parseFloat('  \n 2.5e3xyz'), parseFloat('-0'), 1 / parseFloat('-0'), parseFloat('Infinity'), parseFloat('infinity'), parseFloat(''), parseFloat('1.2.3'));
show(isNaN('abc'), isNaN('12'), isNaN(undefined), isNaN(null), isFinite('12'), isFinite('Infinity'), isFinite(null));
show(NaN === NaN, Infinity > 1e308, undefined === void 0);
const d = Object.getOwnPropertyDescriptor(globalThis, 'NaN');
show(d.writable, d.enumerable, d.configurable);

// Boolean.
show(Boolean(), Boolean(0), Boolean(''), Boolean('0'), Boolean([]), Boolean({}), Boolean(NaN), Boolean(Symbol()));
const b = new Boolean(false);
show(typeof b, b ? 'truthy' : 'falsy', b.valueOf(), b.toString(), true.toString(), Object.prototype.toString.call(b));
try { Boolean.prototype.toString.call(1) } catch (e) { show(e.name + ': ' + e.message) }
try { Boolean.prototype.valueOf.call('true') } catch (e) { show(e.name + ': ' + e.message) }
show(Boolean.length, Number.length, Boolean.prototype.constructor === Boolean);
