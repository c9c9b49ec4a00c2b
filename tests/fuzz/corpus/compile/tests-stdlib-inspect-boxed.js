// Boxed primitives. (Dates and regular expressions: pending/inspect-dates.js.)
console.log(new Number(3), new Number(-0), new String('abc'), new Boolean(false));
console.log(Object(Symbol('bx')));
const s = new String('hi');
s.extra = 1;
console.log(s);
console.log([new Number(1), new String('two')]);
