// A stray identifier after an expression: the caret sits under the token.
let total = 1;
total count;
