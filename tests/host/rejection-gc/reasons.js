// How the warning of --unhandled-rejections=warn names a reason that is not an error:
// V8's side-effect-free string (#<Class> while toString is Object.prototype's, else
// [object Tag]), one rejection per timer turn so that the order is fixed.
class Point {}
const reasons = [{}, new Point(), [1, [2]], null, undefined, 42, 'text', Symbol('s'),
  function named() { return 1; }, Object.create(null), new Map(), { toString() { return 'own'; } },
  /re/g, new Date(0), { [Symbol.toStringTag]: 'Tagged', toString: null }, { name: 'Error', message: 'm' }];
let i = 0;
(function next() {
  if (i === reasons.length) return;
  Promise.reject(reasons[i++]);
  setTimeout(next, 1);
})();
