// Graded exercise 4 of chapter 10: util.inspect.colors as node 20 has it (a
// null-prototype object of [open, close] codes; the aliases non-enumerable accessors
// named get and set that reach the colour they stand for), and util.styleText reading
// it, so that a colour a program adds can be used, and is listed when a format is wrong.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/10/inspect-colors.js).
const util = require('util');
const { colors } = util.inspect;
console.log(Object.getPrototypeOf(colors), Object.keys(colors).length);
console.log(Object.keys(colors).join(' '));
for (const name of Object.getOwnPropertyNames(colors)) {
  const d = Object.getOwnPropertyDescriptor(colors, name);
  if (!d.enumerable) console.log(name, d.get.name, d.set.name, d.configurable, colors[name]);
}
const show = (format) => {
  try {
    return JSON.stringify(util.styleText(format, 'x', { validateStream: false }));
  } catch (e) {
    return `${e.code}: ${e.message.slice(-60)}`;
  }
};
console.log(show('grey'), show(['bold', 'faint']), show('swapColours'));
colors.mine = [4, 24];
colors.grey = [37, 39]; // through the alias to gray
console.log(colors.gray, show(['mine', 'gray']), show('nope'));
delete colors.mine;
console.log(show('mine'));
