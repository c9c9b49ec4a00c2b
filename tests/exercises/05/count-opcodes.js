// Graded exercise 2 of chapter 5: --count-opcodes prints, at exit on stderr, how many
// times each opcode ran: one line per opcode that ran, "COUNT NAME" with the count
// right-aligned in ten columns, the most frequent first (ties in the order of
// vm/opcodes.h), then the total as "COUNT instructions". The expectation was written by
// hand from this script's --trace (one line per instruction run).
let sum = 0;
for (let i = 0; i < 3; i++) sum += i;
function twice(x) {
  return x * 2;
}
twice(sum);
