// Graded exercise 2 of chapter 4: when a block ends, the registers of its bindings are
// free for what comes next (a later block, a `for` head), so `blocks` needs three
// registers, not six; `outer`, which lives on, keeps its own. The disassembler names a
// register shared by several variables after all of them, in order (`a/b/i`). The
// expectation is the --dump-bytecode the exercise asks for, written by hand from the
// compiler as it was with the registers of left blocks reused.
function blocks() {
  const outer = 0;
  { let a = 1; print(a); }
  { let b = 2; { let c = b; print(c); } }
  for (let i = 0; i < 1; i++) { const d = i; print(d + outer); }
}
