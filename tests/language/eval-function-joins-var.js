// A function that sloppy direct eval declares joins the caller's var of the same name (it is
// set before the eval code runs), as a var does; an arrow's eval declares in the arrow.
(function () { var f = 88; eval('var f; console.log(f)'); console.log(f); })();
(function (p) { eval('function p() { return 1 } console.log(typeof p)'); console.log(typeof p); })(5);
(function () { var f = 88; eval('console.log(typeof f); function f() { return 33; }'); console.log(typeof f); })();
(function () { var f = 88; { eval('console.log(typeof f); function f() { return 33; }'); } console.log(typeof f); })();
(function () { var f = 88; (() => eval('console.log(typeof f); function f() { return 33; }'))(); console.log(typeof f); })();
(function () { var f = 88; eval('var f = 2'); console.log(f); })();
