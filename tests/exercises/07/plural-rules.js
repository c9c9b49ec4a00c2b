// Graded exercise 6 of chapter 7: the start of Intl, with Intl.PluralRules for English:
// select(n) names the plural category of n, cardinal ('one' for 1 alone, as in
// "1 file" / "2 files") or ordinal ("1st", "2nd", "3rd", "4th"), and the options it resolved.
const cardinal = new Intl.PluralRules('en-US');
const ordinal = new Intl.PluralRules('en', { type: 'ordinal' });
console.log(typeof Intl, Object.prototype.toString.call(Intl), typeof Intl.PluralRules);
const numbers = [0, 1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1.5, -1, -2];
console.log(numbers.map((n) => `${n}:${cardinal.select(n)}`).join(' '));
console.log(numbers.map((n) => `${n}:${ordinal.select(n)}`).join(' '));
const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
console.log([1, 2, 3, 4, 11, 12, 13, 21, 102, 113].map((n) => n + suffix[ordinal.select(n)]).join(' '));
console.log(cardinal.resolvedOptions().type, ordinal.resolvedOptions().type);
console.log(Object.prototype.toString.call(cardinal));
try {
  Intl.PluralRules();
} catch (e) {
  console.log(e.name, e.message);
}
try {
  new Intl.PluralRules('en', { type: 'both' });
} catch (e) {
  console.log(e.name, e.message);
}
