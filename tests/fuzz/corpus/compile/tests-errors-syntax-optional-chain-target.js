// A parenthesized optional chain is still not an assignment target.
var a = {};
(a?.b) = 1;
