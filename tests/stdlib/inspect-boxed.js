// Boxed primitives, dates and regular expressions.
console.log(new Number(3), new Number(-0), new String('abc'), new Boolean(false));
console.log(Object(Symbol('bx')));
const s = new String('hi');
s.extra = 1;
console.log(s);
console.log([new Number(1), new String('two')]);
console.log(new Date(Date.UTC(2024, 0, 15, 10, 30)));
console.log(new Date(NaN));
console.log([new Date(0)], { when: new Date(86400000) });
console.log(/abc/gi, [/x\/y/], { re: /a+b*/ });
