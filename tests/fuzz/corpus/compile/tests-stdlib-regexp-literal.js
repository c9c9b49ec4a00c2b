// Regular-expression literals: a new object per evaluation, made by the realm's RegExp
// even when a script has replaced the global one.
function make() {
  return /o+/g;
}
const a = make(), b = make();
console.log(a === b, a.lastIndex, a.exec('foo').index, a.lastIndex, b.lastIndex);
const seen = [];
for (let i = 0; i < 3; i++) seen.push(/x/y);
console.log(seen[0] === seen[1], seen.map(String));
const Original = RegExp;
RegExp = function () {
  throw new Error('the global RegExp was called');
};
const lit = /still (\w+)/;
console.log(lit.exec('still works')[1], lit instanceof Original, lit.constructor === Original);
globalThis.RegExp = Original;
console.log(Object.getPrototypeOf(/a/) === RegExp.prototype, typeof /a/, /a/ instanceof RegExp);
// a literal with every flag, escapes and classes
console.log(/[\]/]\/(?<n>\u{41})\p{Lu}/dgimsu.exec('x]/AB').groups, /[\p{L}&&\p{Ll}]/v.test('a'));
console.log(/a/.source, /\//.source, /[/]/.source, /(?:)/.source);
