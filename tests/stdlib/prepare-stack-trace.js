// Error.prepareStackTrace(error, callSites): the CallSite objects' methods (as depd,
// which express uses, reads them), its answer as the stack of new Error, of a subclass's
// error and of Error.captureStackTrace, V8's hiding of this and the function below a
// strict frame, and a value that is not a function ignored. (V8 calls the hook when the
// stack is first read, tinynode when it is captured; this test reads every stack.)
function prepare(err, sites) { return sites; }
function where() {
  const prev = Error.prepareStackTrace;
  Error.prepareStackTrace = prepare;
  const obj = {};
  Error.captureStackTrace(obj, where);
  const stack = obj.stack;
  Error.prepareStackTrace = prev;
  return stack;
}
function outer() { return inner(); }
function inner() { return where(); }
const sites = outer();
console.log(Array.isArray(sites), sites.length > 2);
for (const s of sites.slice(0, 3)) {
  console.log(s.getFunctionName(), typeof s.getFileName(), s.getFileName() === __filename, s.getLineNumber(), s.getColumnNumber(),
    s.isToplevel(), s.isEval(), s.isNative(), s.isConstructor(), s.getTypeName(), s.getMethodName(), String(s).replace(__filename, 'FILE'));
}
Error.prepareStackTrace = (err, sites) => `${err.message} had ${sites[0].getFunctionName()} at line ${sites[0].getLineNumber()}`;
function thrower() { return new Error('boom'); }
console.log(thrower().stack);
class MyError extends Error {}
function makeMine() { return new MyError('mine'); }
console.log(makeMine().stack);
const o = { method() { return new Error('m').stack; } };
console.log(o.method());
Error.prepareStackTrace = (err, sites) => sites.map((s) => [s.getThis() === undefined, typeof s.getFunction(), s.getTypeName()].join(',')).slice(0, 2);
function sloppy() { return new Error('x').stack; }
console.log(sloppy(), (function () { 'use strict'; return new Error('x').stack; })());
try { new Error('x'); } catch (e) { console.log('thrown:', e.message); }
Error.prepareStackTrace = 5;
console.log(new Error("plain").stack.split("\n")[0]);
delete Error.prepareStackTrace;
console.log(Object.prototype.toString.call(outer()), typeof outer()[0]);
