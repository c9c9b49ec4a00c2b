// A completer that answers later, here when the terminal is resized: the interface is
// paused meanwhile ('pause', 'resume'), the keys typed wait and follow the completion;
// an error answered gives node's "Tab completion error" and leaves the line as it is;
// a paused interface does not keep the process alive, so one never answered ends it.
// argv[2] 'callback': readline's completer(line, cb); 'promise': readline/promises'
// completer returning a promise. It rings the bell (unseen on the screen) when asked,
// which the keys file waits for.
const form = process.argv[2];
const readline = require(form === 'promise' ? 'readline/promises' : 'readline');
const words = ['apple', 'apricot', 'banana', 'blueberry', 'cherry'];
let answer = null;
function find(line) {
  const last = line.split(' ').pop();
  return [words.filter((w) => w.startsWith(last)), last];
}
function failure() {
  if (form === 'promise') return 'no fruit there';
  const e = new Error('no fruit there');
  e.stack = 'Error: no fruit there\n    at the completer';
  return e;
}
function completer(line, cb) {
  process.stdout.write('\x07');
  if (form === 'promise') {
    return new Promise((resolve, reject) => {
      answer = () => (line.startsWith('err') ? reject(failure()) : resolve(find(line)));
    });
  }
  answer = () => (line.startsWith('err') ? cb(failure()) : cb(null, find(line)));
}
const rl = readline.createInterface({
  input: process.stdin,
  output: process.stdout,
  prompt: 'fruit> ',
  completer: form === 'promise' ? (line) => completer(line) : completer,
});
const events = [];
rl.on('pause', () => events.push('pause'));
rl.on('resume', () => events.push('resume'));
process.stdout.on('resize', () => {
  const a = answer;
  answer = null;
  if (a) a();
});
const alive = setInterval(() => {}, 1e6); // a pending completion alone lets node exit
rl.on('line', (line) => {
  console.log(`got [${line}] ${events.join(' ')}`);
  events.length = 0;
  if (line === 'stall') {
    clearInterval(alive);
    process.on('exit', () => console.log(`\nexit with [${rl.line}] ${events.join(' ')}`));
    rl.prompt();
  } else {
    rl.prompt();
  }
});
rl.prompt();
