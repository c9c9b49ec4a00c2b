// Operator precedence and associativity: * before +, ** groups to the right, unary
// binds tighter than *, ?? and || and && each in their own tier, assignment and the
// conditional group to the right, the comma is lowest.
x = 1 + 2 * 3 - 4 / 5 % 6;
y = 2 ** 3 ** 2;
z = (-2) ** 2;
w = a || b && c | d ^ e & f == g < h << i + j * k;
v = a ?? (b || c);
q = a ? b : c ? d : e;
a = b = c += 1;
a &&= b; a ||= c; a ??= d; a **= 2; a >>>= 1;
r = typeof x === "string" && !y || void 0;
i++, --j, delete o.p, k in o, o instanceof C;
s = -x + +y - ~z;
