// Graded exercise 2 of chapter 1: --dump-tokens=all also reports comments, as COMMENT
// tokens with their text as written; [newline before] means, for them as for the
// others, a line break since the last token that is not a comment, and every other
// token comes out exactly as with --dump-tokens. (The expectation is hand-written.)
a = 1; // a line comment
/* a block */ b /* two
lines */ c
<!-- an HTML-like comment
--> another, at the start of a line
/* and --> here too */ --> since only comments are before it
x = y /* not an operand */ / 2;
f( /* a regexp follows */ /re/g);
