// tty: the colour depth node reads from an environment (FORCE_COLOR, NO_COLOR, TERM,
// TMUX, CI, TEAMCITY_VERSION, TERM_PROGRAM, COLORTERM), hasColors, and isatty.
const tty = require('tty');
const { getColorDepth, hasColors } = tty.WriteStream.prototype;
const cases = [
  {}, { NO_COLOR: '' }, { NO_COLOR: '1' }, { NODE_DISABLE_COLORS: '' },
  { FORCE_COLOR: '' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: 'true' }, { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' }, { FORCE_COLOR: 'yes' }, { FORCE_COLOR: 1 }, { TERM: 'dumb' },
  { TERM: 'dumb', FORCE_COLOR: '1' }, { NODE_DISABLE_COLORS: '1', TERM: 'xterm' },
  { TMUX: '' }, { TMUX: '1' }, { CI: '' }, { CI: '', TERM: 'xterm' },
  { CI: '1', TERM: 'xterm' }, { CI: '1', GITHUB_ACTIONS: '' }, { CI: '1', TRAVIS: '1' },
  { CI: '1', GITEA_ACTIONS: '1' }, { CI: '1', BUILDKITE: '1' }, { CI: '1', DRONE: '1' },
  { CI: '1', CI_NAME: 'codeship' }, { CI_NAME: 'codeship', TERM: 'xterm' },
  { TEAMCITY_VERSION: '' }, { TEAMCITY_VERSION: '9.1' }, { TEAMCITY_VERSION: '9.1.0' },
  { TEAMCITY_VERSION: '9.0.' }, { TEAMCITY_VERSION: '9.01.' }, { TEAMCITY_VERSION: '10.' },
  { TEAMCITY_VERSION: '10' }, { TEAMCITY_VERSION: '2023.05' }, { TEAMCITY_VERSION: '8.1.' },
  { TERM_PROGRAM: 'iTerm.app' }, { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.1' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1' },
  { TERM_PROGRAM: 'Apple_Terminal' }, { TERM_PROGRAM: 'HyperTerm' }, { TERM_PROGRAM: 'MacTerm' },
  { TERM_PROGRAM: 'vscode', TERM: 'xterm' }, { COLORTERM: 'truecolor' }, { COLORTERM: '24bit' },
  { COLORTERM: '1' }, { COLORTERM: '', TERM: 'unknown' }, { TERM: '', COLORTERM: 'x' },
  { TERM: 'xterm-256color' }, { TERM: 'xterm-256color', COLORTERM: 'truecolor' },
  { TERM: 'XTERM-256color' }, { TERM: 'xterm' }, { TERM: 'XTERM' }, { TERM: 'screen-256' },
  { TERM: 'mosh' }, { TERM: 'Mosh' }, { TERM: 'xterm-kitty' }, { TERM: 'st' }, { TERM: 'linux' },
  { TERM: 'foo-direct' }, { TERM: 'vt100' }, { TERM: 'vt220' }, { TERM: 'con80x25' },
  { TERM: 'conx1' }, { TERM: 'con1x' }, { TERM: 'rxvt-unicode-24bit' }, { TERM: 'rxvt' },
  { TERM: 'terminator' }, { TERM: 'eterm' }, { TERM: 'ANSI' }, { TERM: 'gnome-256color' },
  { TERM: 'unknown' },
];
for (const env of cases) console.log(JSON.stringify(env), getColorDepth(env));

console.log(hasColors({ TERM: 'xterm' }), hasColors(16, { TERM: 'xterm' }),
            hasColors(17, { TERM: 'xterm' }), hasColors(256, { TERM: 'xterm-256color' }),
            hasColors(257, { TERM: 'xterm-256color' }), hasColors(2, {}), hasColors(3, {}),
            hasColors({ FORCE_COLOR: '3' }));
for (const args of [['x'], [1.5], [1], [null], [2, null], [Infinity]]) {
  try {
    hasColors(...args);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  getColorDepth(null);
} catch (e) {
  console.log(e.name, e.message);
}

// Only real terminals are terminals; a test's stdin and stdout are not.
console.log(Object.keys(tty), [0, 1, 2, 99, -1, '1', 1.5].map(fd => tty.isatty(fd)));
console.log(process.stdout.isTTY, process.stdout.hasColors, process.stderr.getColorDepth);

// tty.WriteStream and tty.ReadStream: the classes of process.stdout and process.stdin on
// a terminal, refusing a descriptor that is not one, as node does
console.log(Object.keys(tty.WriteStream.prototype), Object.keys(tty.ReadStream.prototype), tty.WriteStream.length, tty.ReadStream.length);
for (const make of [() => new tty.WriteStream(99), () => tty.ReadStream(-1), () => new tty.ReadStream('x')]) {
  try { make(); } catch (e) { console.log(require('util').inspect(e).split('\n').filter((l) => !/^ +at /.test(l)).join('\n')); }
}
