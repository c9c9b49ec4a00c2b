// Graded exercise 1 of chapter 5: PUSH_ZERO pushes the number 0 in one byte, where
// PUSH_INT 0 takes five; the compiler emits it for every 0 it pushes (0 and 0.0 alike;
// -0 is 0 negated, as before), while other small integers stay PUSH_INT. The
// expectation is the --dump-bytecode the exercise asks for, written by hand.
let count = 0;
count = count + 0.0;
const pair = [1, 0];
const negative = -0;
