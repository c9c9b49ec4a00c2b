// A function whose parameters contain expressions keeps its body's declarations in a
// scope of its own (FunctionDeclarationInstantiation step 28): closures made by the
// defaults see the parameters and the outer names, never the body's vars.
var x = 'outside';

function closure(a, g = () => a) { var a = 2; return [a, g()]; }
console.log('closure sees the parameter:', closure(1));

function startsWith(a, g = () => a) { var a; return [a, g()]; }
console.log('a body var starts with the parameter:', startsWith(1));

function outer(p = () => x) { var x = 'inside'; return [x, p()]; }
console.log('a default sees the outer name:', outer());

function early(a = x) { var x = 'inside'; return a; }
console.log('a default reads before the body:', early());

function both(a, set = (v) => { a = v; }) { var a = 'body'; set('param'); return a; }
console.log('writes stay apart:', both(1));

function decl(a = 0) { function a() {} return typeof a; }
console.log('a body function wins:', decl(1));

function evals(a = eval('var y = 1'), b = y, c = () => y) { var y = 5; return [b, y, c()]; }
console.log('eval in a default:', evals());

function bodyEval(a = 1) { eval('var z = 3'); return z; }
console.log('eval in the body:', bodyEval());

const arrow = (a, f = () => a) => { var a = 'body'; return f(); };
console.log('arrow:', arrow('param'));

function* gen(a, f = () => a) { var a = 'body'; yield f(); }
console.log('generator:', gen('param').next().value);

class C { static m(a, f = () => a) { var a = 'body'; return f(); } }
console.log('method:', C.m('param'));

// var arguments in an ordinary function is the arguments object itself.
function argsVar(a) { var arguments; return arguments.length; }
console.log('var arguments:', argsVar(1, 2));
function argsVarDefault(a = 0) { var arguments; return arguments.length; }
console.log('var arguments with a default:', argsVarDefault(1, 2, 3));
function argsAssigned(a) { var arguments = 7; return arguments; }
console.log('var arguments = 7:', argsAssigned(1));
const argsArrow = () => { var arguments = 'own'; return arguments; };
console.log('an arrow declares its own:', argsArrow());

// A let in the body named like a parameter is still a redeclaration.
for (const src of ['function f(a = 1) { let a; }', '(a, b = 2) => { const a = 1; }',
                   'function f(a = 1) { var a; { let a; } }']) {
  try { new Function('return ' + src); console.log('ok:', src); }
  catch (e) { console.log(`${e.name}: ${e.message} <- ${src}`); }
}
