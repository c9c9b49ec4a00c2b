// readline on a terminal while a line is edited: a 'keypress' listener on the input
// sees each key with rl.line and rl.cursor already in step; rl.write types text (its
// line endings end lines) and presses keys; getCursorPos counts the prompt and the
// rows a long line wraps to (a wide character takes two columns); Ctrl-C with a 'SIGINT' listener keeps the line. The
// 'keypress' listener rings the bell, which the screen does not show: the keys file
// waits for it, so that each key is a read of its own.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'edit> ' });
let seen = [];
process.stdin.on('keypress', (s, key) => {
  process.stdout.write('\x07');
  seen.push(`${JSON.stringify(s)} ${JSON.stringify(key)} [${rl.line}] ${rl.cursor}`);
});
const show = (what) => console.log(`${what}: [${rl.line}] ${rl.cursor} ${JSON.stringify(rl.getCursorPos())}`);
const steps = {
  write() {
    rl.write('hello world');
    show('typed');
    rl.write(null, { ctrl: true, name: 'a' });
    rl.write(null, { name: 'right' });
    rl.write(null, { ctrl: true, name: 'k' });
    show('keys');
    rl.write('two\nlines');
    show('after a line ending');
  },
  long() {
    rl.write('x'.repeat(100));
    show('long');
    rl.write(null, { name: 'home' });
    show('home');
    rl.write(null, { ctrl: true, name: 'e' });
  },
  wide() {
    rl.write('漢字😀ab');
    rl.write(null, { name: 'left' });
    show('wide');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.write(`${'x'.repeat(73)}漢字`); // the first wide one does not fit in column 79
    wrapped = JSON.stringify(rl.getCursorPos()); // printed with the next line
    show('wrapped');
  },
};
rl.on('SIGINT', () => console.log(`\nSIGINT [${rl.line}] ${rl.cursor}`));
let first = true, wrapped = '';
rl.on('line', (line) => {
  console.log(`got [${line}] [${rl.line}] ${rl.cursor} ${wrapped}`);
  if (first) console.log(seen.join('\n'));
  first = false;
  if (line === 'quit') return rl.close();
  if (steps[line]) steps[line]();
  rl.prompt();
});
rl.prompt();
