// An anonymous function or class assigned to a name takes the name, unless the name is
// in parentheses: `(f) = function () {}` is not a NamedEvaluation (nor in a destructuring
// default).
var f, g, h, k, m;
(f) = function () {};
g = function () {};
[(h) = class {}] = [];
[k = () => 1] = [];
({ m = function () {} } = {});
console.log(JSON.stringify([f.name, g.name, h.name, k.name, m.name]));
let a;
a ??= () => 0;
(a) = (() => () => 0)()
console.log(JSON.stringify(a.name));
