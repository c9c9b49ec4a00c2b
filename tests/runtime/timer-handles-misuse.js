// Timeout and Immediate methods called on other receivers fail (or not) as node's do, and
// hasRef reports the ref flag, which outlives the timer.
function t(label, f) {
  try {
    const r = f();
    console.log(label, '->', typeof r === 'object' ? typeof r : r);
  } catch (e) {
    console.log(label, '->', e.name, e.message);
  }
}
const T = Object.getPrototypeOf(setTimeout(() => {}, 0));
const I = Object.getPrototypeOf(setImmediate(() => {}));
for (const m of ['ref', 'unref', 'hasRef', 'refresh'])
  for (const v of [undefined, null, 1, 's', true, Symbol('q'), {}]) t('Timeout ' + m + ' ' + String(v), () => T[m].call(v));
for (const m of ['ref', 'unref', 'hasRef'])
  for (const v of [undefined, 1, {}]) t('Immediate ' + m + ' ' + String(v), () => I[m].call(v));
const a = setTimeout(() => {}, 5);
console.log(a.hasRef(), a.unref().hasRef(), a.ref().hasRef());
clearTimeout(a);
console.log('cleared', a.hasRef());
const b = setImmediate(() => console.log('after immediate', b.hasRef()));
console.log(b.hasRef(), b.unref().hasRef(), b.ref().hasRef());
const c = setImmediate(() => {});
clearImmediate(c);
console.log('cleared immediate', c.hasRef());
