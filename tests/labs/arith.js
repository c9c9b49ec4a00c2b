// Lab arith (labs/arith): the arithmetic slow path. Operands that are not numbers are
// converted (valueOf runs, left operand first), then - * / % ** and the bitwise and
// shift operators apply ToInt32/ToUint32. Also a plain test of the operators.
const log = [];
const v = (name, value) => ({ valueOf() { log.push(name); return value; } });
console.log('6' * '7', '10' - 3, '1' / 4, '7' % '4', '2' ** '10', true + 1 - false);
console.log(v('a', 9) - v('b', 4), log.join(','));
console.log(null * 5, undefined - 1, [] * 3, [5] * [2], '' - 1, ' 12 ' * 2, '0x10' - 0);
console.log(5 | 0, 2 ** 32 + 5 | 0, -1 >>> 0, -1 >>> 28, 1 << 31, 1 << 32, 1 << 33, -8 >> 1);
console.log(0xff & '0x0f', '5' ^ 3, ~'7', 7.9 | 0, -7.9 | 0, NaN | 0, Infinity | 0);
console.log(2 ** -1, (-8) ** (1 / 3), 1 ** Infinity, (-1) ** Infinity, 0 ** 0, NaN ** 0);
console.log(5 % -3, -5 % 3, 5.5 % 2, -0 % 5, 5 % 0, Infinity % 2, 2 % Infinity);
try {
  console.log(Symbol() * 2);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  v('c', 1) - { valueOf() { throw new Error('from valueOf'); } };
} catch (e) {
  console.log(e.message, log.join(','));
}
