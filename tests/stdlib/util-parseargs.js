// util.parseArgs: short and long options, groups, inline values, strict mode and its
// errors, positionals, multiple, defaults, allowNegative and tokens, as node 20 parses.
const { parseArgs } = require('util');
const options = {
  verbose: { type: 'boolean', short: 'v' },
  color: { type: 'boolean', short: 'c' },
  file: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o', default: 'a.out' },
  tag: { type: 'string', short: 't', multiple: true },
  level: { type: 'boolean', multiple: true, short: 'l' },
};
const show = (config) => {
  try {
    const r = parseArgs(config);
    console.log(JSON.stringify(config.args), r);
  } catch (e) {
    console.log(JSON.stringify(config.args), e.name, e.code, JSON.stringify(e.message));
  }
};
for (const args of [
  [], ['-v'], ['--verbose'], ['-vc'], ['-cvf', 'x'], ['-vfx'], ['-f', 'x'], ['-fx'], ['--file', 'x'], ['--file=x'],
  ['--file='], ['-f='], ['-t', 'a', '-t', 'b', '--tag=c'], ['-lll'], ['--out', 'o', '--out', 'p'], ['-f'], ['--file'],
  ['-f', '-v'], ['--file', '--verbose'], ['-f', '-'], ['--verbose=yes'], ['-vx'], ['-x'], ['--nope'], ['pos'],
  ['-v', '--', '-c', 'x'], ['--', '--'], ['-'], ['--__proto__', '-v'], ['-f', 'x', 'extra'],
]) {
  show({ args, options });
}
for (const args of [['pos', '-v', 'p2'], ['--unknown', 'x'], ['-u'], ['-f'], ['-f', '-x'], ['--no-color'], ['-vu']])
  show({ args, options, strict: false });
for (const args of [['pos', '-v', 'p2'], ['--unknown'], ['-u']]) show({ args, options, allowPositionals: true });
for (const args of [['--no-color'], ['--no-verbose', '-v'], ['--no-file'], ['--no-x'], ['--no-color=1']])
  show({ args, options, allowNegative: true });
show({ args: ['-vf', 'x', '--', 'y'], options, tokens: true, allowPositionals: true });
show({ args: ['-abc', '--x=1', 'p', '-'], tokens: true, strict: false });
show({ args: ['-c'], options: { color: { type: 'boolean', short: 'c', default: true }, n: { type: 'string', default: 'd' } } });
show({ args: ['-m', 'a'], options: { m: { type: 'string', multiple: true, default: ['x', 'y'] } } });
for (const config of [
  { args: 'x' }, { strict: 1, args: [] }, { allowPositionals: 'no', args: [] }, { tokens: 0, args: [] }, { options: 1, args: [] },
  { options: { a: 1 }, args: [] }, { options: { a: {} }, args: [] }, { options: { a: { type: 'number' } }, args: [] },
  { options: { a: { type: 'string', short: 'ab' } }, args: [] }, { options: { a: { type: 'string', short: 1 } }, args: [] },
  { options: { a: { type: 'string', multiple: 'y' } }, args: [] }, { options: { a: { type: 'string', default: 1 } }, args: [] },
  { options: { a: { type: 'boolean', default: 'x' } }, args: [] }, { options: { a: { type: 'string', multiple: true, default: 'x' } }, args: [] },
  { options: { a: { type: 'string', multiple: true, default: ['x', 2] } }, args: [] }, { allowNegative: 'x', args: [] },
]) {
  show(config);
}
console.log(parseArgs.length, parseArgs.name, parseArgs({ args: [] }), parseArgs({ strict: false }));
