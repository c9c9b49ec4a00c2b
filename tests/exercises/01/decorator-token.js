// Graded exercise 5 of chapter 1: `@`, which the decorators proposal puts before a class
// or a class element, is one token, AT, wherever it stands outside strings, templates,
// regular expressions and comments (running it is still a SyntaxError: no parser rule
// takes it). (A hand-written expectation.)
@sealed class A {
  @readonly @memo(1) x = 1;
  @(decorators[0]) static m() {}
}
"@ in a string"; /@/g; `@${a}@`; a@b; // @ in a comment
