// Graded exercise 5 of chapter 14: String.prototype.replaceAll and matchAll both read the
// `flags` of a RegExp argument and refuse null and undefined, but V8 words the two
// refusals differently. matchAll explains ("The .flags property of the argument to
// String.prototype.matchAll cannot be null or undefined"); replaceAll checks flags with
// the same RequireObjectCoercible it uses on its receiver, so its message is the
// receiver's: "String.prototype.replaceAll called on null or undefined". A flags that is
// there but has no g is refused by both in the same words.

// A RegExp whose own `flags` is v (an own data property shadows the getter).
const withFlags = (v) => Object.defineProperty(/a/g, 'flags', { value: v });
const cases = [
  ['flags undefined', withFlags(undefined)],
  ['flags null', withFlags(null)],
  ['a RegExp-like object', { [Symbol.match]: true, flags: undefined }],
  ['flags without g', withFlags('i')],
  ['flags with g', {
    [Symbol.match]: true, flags: 'g',
    [Symbol.replace]: () => 'replaced', [Symbol.matchAll]: () => 'iterator',
  }],
];
for (const [name, arg] of cases) {
  for (const method of ['replaceAll', 'matchAll']) {
    try {
      const r = method === 'replaceAll' ? 'aa'.replaceAll(arg, 'b') : 'aa'.matchAll(arg);
      console.log(name, method, typeof r === 'string' ? r : Object.prototype.toString.call(r));
    } catch (e) {
      console.log(name, method, `${e.name}: ${e.message}`);
    }
  }
}
// The receiver's own check comes first, and says the same for both methods.
for (const method of ['replaceAll', 'matchAll']) {
  try {
    String.prototype[method].call(undefined, /a/g, '');
  } catch (e) {
    console.log('receiver undefined', method, `${e.name}: ${e.message}`);
  }
}
