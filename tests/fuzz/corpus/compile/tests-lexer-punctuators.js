// Every punctuator, by maximal munch: >>>= is one token, `?.` is optional chaining
// but `?.5` is `?` then `.5`. (A slash after a name divides; see regexp-divide.js.)
{ } ( ) [ ] . ... ; , < > <= >= == != === !== + - * % ** ++ --
<< >> >>> & | ^ ! ~ && || ?? ? ?. : = += -= *= %= **=
<<= >>= >>>= &= |= ^= &&= ||= ??= =>
a / b; a /= b;
a?.b; a?.[0]; a?.(); c?.5:1;
a>>>=b>>=c>>>d;
a---b; a-->b; x=>x;
