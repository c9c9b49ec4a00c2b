// A slash divides after a value (a name, a number, `)` or `]`) and starts a regular
// expression elsewhere. The token dump decides by the previous token; the parser
// decides by context.
let half = total / 2 / count;
let re = /ab+c/gi, re2 = /[/\]]+/, re3 = /\/\//u;
let both = a / b + /x/.test(s) / 1;
arr[0] / 2;
f(x) / y;
if (/^#/.test(line)) x /= 2;
let r = [/a/, /b/];
