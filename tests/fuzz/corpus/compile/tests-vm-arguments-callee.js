// arguments.callee: the function in sloppy code, a TypeError in strict code.
function sloppy() { return arguments.callee === sloppy; }
function strict() { 'use strict'; return arguments.callee; }
console.log(sloppy());
try { strict(); } catch (e) { console.log(e.name + ': ' + e.message); }
function strict2() { 'use strict'; return Object.getOwnPropertyNames(arguments); }
console.log(strict2(1, 2));
