// Global declarations as V8 makes them: a function may not replace NaN or undefined (a
// SyntaxError in a script, a TypeError from eval), may replace a writable enumerable
// non-configurable global (keeping its attributes), and nothing new is made on a
// non-extensible global; `var __proto__` makes an own global.
const t = (code) => {
  try {
    (0, eval)(code);
    return 'ok';
  } catch (e) {
    return `${e.constructor.name}: ${e.message}`;
  }
};
console.log(t('function NaN() {}'));
console.log(t('function* undefined() {}'));
console.log(t('var NaN;'));
Object.defineProperty(globalThis, 'fixed', { value: 1, writable: true, enumerable: true, configurable: false });
console.log(t('function fixed() { return 2; }'), typeof fixed, fixed(), Object.getOwnPropertyDescriptor(globalThis, 'fixed').configurable);
Object.defineProperty(globalThis, 'frozen', { value: 1, writable: false, enumerable: false, configurable: false });
console.log(t('function frozen() {}'), frozen);
console.log(t('var __proto__ = 5;'), Object.getOwnPropertyDescriptor(globalThis, '__proto__'));
Object.preventExtensions(globalThis);
console.log(t('function brandNew() {}'));
console.log(t('var alsoNew;'));
console.log(typeof brandNew, typeof alsoNew);
