// readline on a terminal (the line editor): question, then prompt and 'line' until
// Ctrl-D closes the interface.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
console.log(`terminal ${rl.terminal}`);
rl.question('Your name? ', (name) => {
  console.log(`Hello, ${name}!`);
  rl.setPrompt('more> ');
  rl.prompt();
  rl.on('line', (line) => {
    console.log(`got ${JSON.stringify(line)}`);
    rl.prompt();
  });
});
rl.on('close', () => console.log('bye'));
