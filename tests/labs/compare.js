// Lab compare (labs/compare): < <= > >= on values that are not both numbers: strings by
// UTF-16 code units, mixed operands as numbers, NaN makes every comparison false, and
// valueOf runs on the left operand first, even for > and <=, which call the
// specification's IsLessThan with the operands swapped (its LeftFirst flag).
const log = [];
const v = (name, value) => ({ valueOf() { log.push(name); return value; } });
console.log('a' < 'b', 'a' < 'B', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'Z' <= 'Z');
console.log('10' < '9', '10' < 9, 10 < '9', '\u{1F600}' < '\uFFFF', 'é' > 'z');
console.log(NaN < 1, NaN >= 1, 'x' < 1, 'x' >= 1, undefined < 1, undefined >= 1);
console.log(null < 1, null >= 0, null <= 0, true > false, [2] > 1, [1, 2] < 3);
v('a', 1) < v('b', 2);
v('c', 1) > v('d', 2);
v('e', 1) <= v('f', 2);
v('g', 1) >= v('h', 2);
console.log(log.join(','));
try {
  Symbol() < 1;
} catch (e) {
  console.log(e.name, e.message);
}
console.log(['b', 'a', 'C', 'á'].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
