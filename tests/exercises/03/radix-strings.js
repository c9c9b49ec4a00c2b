// Graded exercise of chapter 3: a string of hexadecimal, octal or binary digits that
// needs more than 53 bits is rounded once, to the nearest double (ties to even), as the
// lexer already does for the literal 0x200000000000011. Number() and `+` read 0x, 0o and
// 0b text; parseInt reads radix 2, 4, 8, 16 and 32 the same way (other radices may stay
// approximate). The values are printed in their own radix, which shows every bit. node 20
// wrote the expectation (UPDATE=node sh tests/run.sh tests/exercises/03/radix-strings.js).
const hex = [
  "20000000000001", // 2^53 + 1: a tie, rounds to even (down)
  "20000000000003", // 2^53 + 3: a tie, rounds to even (up)
  "200000000000011", // 2^57 + 17: above the half-way point, up
  "20000000000000f", // 2^57 + 15: below it, down
  "200000000000010", // 2^57 + 16: a tie, to even (down)
  "200000000000030", // 2^57 + 48: a tie, to even (up)
  "20000000000001000000001", // a tie broken by a far digit: up
  "fffffffffffffc00", // rounds up to 2^64
  "fffffffffffffbff", // stays below it
  "1" + "0".repeat(255), // 2^1020
  "1" + "0".repeat(256), // 2^1024: Infinity
  "f".repeat(256), // rounds up to 2^1024: Infinity
];
for (const h of hex) {
  const n = Number("0x" + h);
  console.log(h.length > 24 ? h.slice(0, 8) + "..." : h, n.toString(16), n === +("0x" + h),
    parseInt(h, 16) === n, parseInt("0x" + h) === n, n === eval("0x" + h));
}
const bits = "1" + "0".repeat(52) + "11"; // 2^54 + 3: above the half-way point
console.log("0b:", Number("0b" + bits).toString(2), parseInt(bits, 2).toString(2));
const octal = "1" + "0".repeat(17) + "21"; // 2^57 + 17: above the half-way point
console.log("0o:", Number("0o" + octal).toString(8), parseInt(octal, 8).toString(8));
console.log("radix 4:", parseInt("1" + "0".repeat(26) + "21", 4).toString(4)); // 2^56 + 9
console.log("radix 32:", parseInt("1" + "0".repeat(10) + "41", 32).toString(32)); // 2^60 + 129
console.log("signs:", parseInt("-200000000000011", 16).toString(16), Number("-0x1"), Number(" 0x10 "));
console.log("stops at a bad digit:", parseInt("20000000000001" + "g1", 16).toString(16));
console.log("radix 36 as before:", parseInt("zzzzzzzzzzzz", 36));
