// process.stdout on a terminal: columns and rows, kept current on SIGWINCH, with a
// 'resize' event when they change (stderr too, once touched). Printed as one string,
// so that no number is coloured.
const out = process.stdout;
const say = (...a) => console.log(a.join(' '));
say('size', out.columns, out.rows, process.stderr.columns, out.getWindowSize());
out.on('resize', () => say('resize', out.columns, out.rows, out.getWindowSize()));
process.stderr.on('resize', () => say('stderr resize', process.stderr.columns));
process.stdin.setRawMode(true);
process.stdin.on('data', (d) => {
  if (String(d) === 'q') process.exit(0);
  say('key', String(d), out.columns, out.rows);
});
say('ready');
