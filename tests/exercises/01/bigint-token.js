// Graded exercise 4 of chapter 1: BigInt literals are BIGINT tokens (decimal, hex, octal
// and binary, with separators), after which a `/` divides; running one is still the
// parser's "tinynode does not support BigInt". (A hand-written expectation.)
0n; 123n; 1_000n; 0x1Fn; 0o17n; 0b101n; 0XABCn;
x = 9007199254740993n / 2n;
