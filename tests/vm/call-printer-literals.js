// V8 names array and object literals in "is not a function" as its CallPrinter does
var a = 1, b = 2, x = { y: 1 };
function f() {}
for (const s of ["({a:1,b:2})()", "[1,2]()", "({})()", "[]()", "({a:1}).x()", "({...{}})()", "({a})()",
  "({f(){}})()", "[1,[2]]()", "[\"a\",1.5]()", "[a,b]()", "[x.y]()", "[f()]()", "[,1]()",
  "[null,true,undefined]()", "[-1]()", "[a+1]()", "[`t`]()", "[/r/g]()", "[function(){}]()",
  "(-1)()", "(-a)()", "(/x/g)()", "for (const v of {a: 1});"]) {
  try {
    eval(s);
  } catch (e) {
    console.log(s, "=>", e.message);
  }
}
