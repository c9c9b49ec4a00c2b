// readline's completer on a terminal: one match completes the word, several complete
// their common prefix and, on a second Tab, are listed; the callback form answering at
// once; rl.line and rl.cursor as the listener of 'line' sees them.
const readline = require('readline');
const words = ['apple', 'apricot', 'banana', 'blueberry', 'cherry'];
const sync = process.argv[2] !== 'callback';
function find(line) {
  const last = line.split(' ').pop();
  const hits = words.filter((w) => w.startsWith(last));
  return [hits, last];
}
const rl = readline.createInterface({
  input: process.stdin,
  output: process.stdout,
  prompt: 'fruit> ',
  completer: sync ? (line) => find(line) : (line, cb) => cb(null, find(line)),
});
rl.on('line', (line) => {
  console.log(`got [${line}] line [${rl.line}] cursor ${rl.cursor}`);
  if (line === 'quit') rl.close();
  else rl.prompt();
});
rl.prompt();
