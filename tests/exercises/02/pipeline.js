// Graded exercise 1 of chapter 2: the proposed pipeline operator `x |> f` (its token is
// chapter 1's exercise 1) is a binary operator with the lowest precedence of all, below
// `??`, grouping to the left; it nests inside a conditional's test and an assignment's
// value like any other. The expectation is the --dump-ast the exercise asks for, written
// by hand: BINARY |> nodes, (x |> f) |> g, and `|` and `||` as before.
x |> f |> g;
a ?? b |> c;
a |> b ?? c;
a || b |> c && d | e;
a |> b ? c : d;
y = a |> f(1) + 2 * 3;
