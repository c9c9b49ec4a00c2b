// Math: constants and functions, with the spec's rules for -0, NaN and Infinity.
const show = (...xs) => console.log(xs.map(x => Object.is(x, -0) ? '-0' : String(x)).join(' '));
show(Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2);
show(Object.prototype.toString.call(Math), JSON.stringify(Object.getOwnPropertyDescriptor(Math, 'PI')));
show(Math.abs(-5), Math.abs(-0), Math.abs('-2'), Math.abs(null), Math.abs(), Math.abs([]), Math.abs([-3]));
show(Math.floor(-1.5), Math.ceil(-1.5), Math.ceil(-0.5), Math.trunc(-4.7), Math.trunc(4.7), Math.trunc(-0.2));
show(Math.round(2.5), Math.round(-2.5), Math.round(-0.5), Math.round(0.49999999999999994), Math.round(-0.2), Math.round(1.5), Math.round(2 ** 53 + 2));
show(Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign('x'), Math.sign(7));
show(Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(1, 3, 2), Math.max(-0, 0), Math.min(0, -0), Math.max(1, NaN), Math.max('7', 2));
show(Math.max(...[4, 9, 2]), Math.min.apply(null, [4, 9, 2]), Math.max(undefined), Math.max(null, -1));
show(Math.sqrt(16), Math.sqrt(2), Math.sqrt(-1), Math.sqrt(-0), Math.cbrt(27), Math.cbrt(-8), Math.cbrt(2));
show(Math.pow(2, 10), Math.pow(2, 0.5), Math.pow(1, Infinity), Math.pow(NaN, 0), 2 ** -1, Math.pow(-8, 1 / 3), Math.pow(0, -1));
show(Math.hypot(), Math.hypot(3, 4), Math.hypot(3, 4, 5), Math.hypot(NaN, Infinity), Math.hypot(-0), Math.hypot(1e200, 1e200));
show(Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128), Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.clz32(3e9));
show(Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(2 ** 31, 2));
show(Math.log(Math.E), Math.log2(8), Math.log10(1000), Math.log1p(0), Math.expm1(0), Math.exp(0), Math.log(0), Math.log(-1));
show(Math.sin(0), Math.cos(0), Math.tan(0), Math.asin(1), Math.acos(1), Math.atan(1), Math.atan2(1, 1), Math.atan2(-0, 1));
show(Math.sinh(0), Math.cosh(0), Math.tanh(Infinity), Math.asinh(0), Math.acosh(1), Math.atanh(0));
show(Math.sin(Math.PI / 2), Math.cos(Math.PI).toFixed(10), Math.exp(1).toFixed(12), Math.log(10).toFixed(12));
const rs = [];
for (let i = 0; i < 1000; i++) rs.push(Math.random());
show(rs.every(r => r >= 0 && r < 1), rs.some(r => r !== rs[0]), Math.random.length);
show(Math.floor(Math.random() * 6) + 1 >= 1, typeof Math.random());
try { new Math.max() } catch (e) { show(e.name) }
show(Math.max.name, Math.max.length, Math.hypot.length, Math.round.length, Math.atan2.length);
