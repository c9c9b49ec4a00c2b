// util.styleText: the codes of each format (one, or a list applied in order), node's aliases,
// the stream check (piped here: no colour unless validateStream is false or FORCE_COLOR
// says so), and node's errors.
const util = require('util');
const always = { validateStream: false };
console.log(JSON.stringify(util.styleText('red', 'text')));
for (const format of ['red', 'bold', 'underline', 'bgBlue', 'gray', 'italic', ['bold', 'red'], 'none', 'strikethrough', 'overlined', 'framed', 'blink', 'doubleunderline', 'reset', 'inverse', 'hidden', 'dim', 'grey', 'bgGrey', 'blackBright', 'bgBlackBright', 'faint', 'crossedOut', 'swapColors', 'conceal', 'crossedout', 'swapcolors', 'doubleUnderline', 'italic'])
  try { console.log(format, JSON.stringify(util.styleText(format, 'text', always))); } catch (e) { console.log(e.name, e.code, e.message.slice(0, 60)); }
for (const f of [() => util.styleText('no-such-style', 'text', always), () => util.styleText('red', 42), () => util.styleText(['red', 5], 'x', always), () => util.styleText('red', 'x', { stream: 1 }), () => util.styleText('red', 'x', null)])
try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(JSON.stringify(util.styleText('red', 'x', { stream: process.stderr })), JSON.stringify(util.styleText('red', 'x', { validateStream: false, stream: process.stderr })));
process.env.FORCE_COLOR = '1';
console.log(JSON.stringify(util.styleText(['underline', 'green'], 'forced')));
process.env.FORCE_COLOR = '0';
console.log(JSON.stringify(util.styleText('green', 'not forced')));
delete process.env.FORCE_COLOR;
try { util.styleText('red', 'x', { validateStream: 1 }); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(util.styleText.length, util.styleText.name);
// a list of formats is coloured whatever the stream, in node 20 (a single one is not)
console.log(JSON.stringify([util.styleText(['red'], 'x'), util.styleText('red', 'x')]));
try { util.styleText('swapColours', 'x', always); } catch (e) { console.log(e.code); }
// util.inspect.colors (with its aliases, hidden) and util.inspect.styles
console.log(util.inspect.colors, util.inspect.styles, Object.keys(util.inspect));
console.log(Object.getOwnPropertyNames(util.inspect.colors).slice(44), util.inspect.colors.grey);
