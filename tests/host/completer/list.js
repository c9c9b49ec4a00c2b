// The list of several matches, as node lays it out: a Tab puts in the common prefix,
// a Tab right after a Tab lists the matches in columns as wide as the longest and as
// many as the terminal holds (argv[2] 'narrow': 40 columns), an empty word starts a
// new group; a prefix that does not extend what was typed replaces it. The line
// "set NAME" picks the words. It rings the bell (unseen) when asked, which the keys
// file waits for.
const readline = require('readline');
const sets = {
  many: Array.from({ length: 30 }, (_, i) => `item${i}`),
  mixed: ['a', 'abcdefghijklmnopqrst', 'ab', 'abc', 'abcdefgh', 'abx', 'abyz', 'ac'],
  none: ['zeta', 'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'eta', 'theta', 'iota', 'kappa'],
  groups: ['one', 'two', '', 'three', 'four', '', 'five'],
  cases: ['Apple', 'Apricot', 'banana'],
};
let words = [];
function start() {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: 'list> ',
    completer(line) {
      process.stdout.write('\x07');
      const last = line.split(' ').pop().toLowerCase();
      return [words.filter((w) => w.toLowerCase().startsWith(last)), line.split(' ').pop()];
    },
  });
  rl.on('line', (line) => {
    console.log(`got [${line}]`);
    if (line.startsWith('set ')) words = sets[line.slice(4)];
    if (line === 'quit') rl.close();
    else rl.prompt();
  });
  rl.prompt();
}
if (process.argv[2] === 'narrow') { // waits for the resize (a timer keeps node alive)
  const alive = setInterval(() => {}, 1e6);
  process.stdout.once('resize', () => {
    clearInterval(alive);
    start();
  });
  console.log('ready');
} else {
  start();
}
