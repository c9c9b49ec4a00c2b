// var, let and const, with destructuring patterns, defaults, rest elements, holes, and
// `let` used as a plain name in sloppy code. Names are inferred for anonymous functions.
var a = 1, b;
let c = 2;
const d = 3, f = function () {}, g = () => {}, K = class {};
let [e1, , e3 = 3, ...others] = list;
const {p, q: r, s = 4, t: {u} = {}, ...remaining} = obj;
var [[deep]] = [[1]];
let = 5;
let.x = 6;
var {length} = "abc";
