// Numeric literals in every form: decimal, fractions, exponents, hex/octal/binary,
// separators, legacy octal and decimals with a leading zero (sloppy mode only).
let a = 0, b = 42, c = 3.14, d = .5, e = 5., f = 1e3, g = 2.5E-3, h = 1e+21;
let hex = 0xFF + 0X1f, oct = 0o17 + 0O7, bin = 0b1010 + 0B1;
let sep = 1_000_000 + 0xff_ff.length + 0b1_0 + 1_0.0_1e1_0;
let legacy = 017 + 08 + 09.5 + 0777;
let big = 0x1fffffffffffff + 0x20000000000001 + 123456789012345678901234567890;
let edge = 5..toString() + 1.e3 + 0.1 + 1e-7 + 1.7976931348623157e308;
x = a?.5:1;
