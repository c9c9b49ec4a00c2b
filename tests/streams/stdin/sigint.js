// readline on a terminal: Ctrl-C emits 'SIGINT' while there is a listener (rl.line holds
// what was typed), and closes the interface once there is none.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'p> ' });
let n = 0;
rl.on('SIGINT', () => {
  n++;
  console.log(n === 1 ? `SIGINT ${n} line=${JSON.stringify(rl.line)}` : `SIGINT ${n}`);
  if (n === 2) rl.removeAllListeners('SIGINT');
  rl.prompt();
});
rl.on('line', (l) => { console.log(`line ${l}`); rl.prompt(); });
rl.on('close', () => console.log('closed'));
rl.prompt();
