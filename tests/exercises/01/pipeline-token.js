// Graded exercise 1 of chapter 1: `|>` is one token, PIPELINE, and the tokens that share
// its first character (|, ||, |=, ||=) still come out as before.
x |> f |> g;
a |>b;
a || b; a | b; a |= 1; a ||= 2; a | > b;
