// readline over ordinary streams: 'line' for \n, \r\n and \r endings (also split across
// chunks), the last unterminated line at 'end', question() and prompt() written to the
// output, 'pause'/'resume'/'close' events, write(), for await over lines,
// readline/promises' question, use after close, and the cursor helpers' escapes.
const readline = require('readline');
const rlp = require('readline/promises');
const { PassThrough, Writable } = require('stream');
const log = (...a) => console.log(...a);

function sink(name) {
  return new Writable({
    decodeStrings: false,
    write(chunk, enc, cb) { log(name, 'output', JSON.stringify(chunk)); cb(); },
  });
}

async function lines() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  rl.on('line', (l) => log('line', JSON.stringify(l)));
  for (const ev of ['pause', 'resume', 'close']) rl.on(ev, () => log('event', ev));
  log('terminal', rl.terminal, 'prompt', JSON.stringify(rl.getPrompt()), 'line', JSON.stringify(rl.line));
  input.write('one\ntwo\r');
  input.write('\nthree\rfour');
  input.write(' and more\n\nlast');
  await new Promise((resolve) => setImmediate(resolve));
  rl.pause();
  rl.resume();
  input.end();
  await new Promise((resolve) => rl.once('close', resolve));
  log('closed', rl.closed);
  try { rl.question('again?', () => {}); } catch (e) { log(e.name, e.code, e.message); }
  rl.write('x'); // no error after close: it only resumes
}

async function questions() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, output: sink('q'), prompt: '$ ' });
  rl.question('name? ', (answer) => {
    log('answer', JSON.stringify(answer), 'prompt back to', JSON.stringify(rl.getPrompt()));
    rl.setPrompt('next> ');
    rl.prompt();
  });
  rl.on('line', (l) => {
    log('line after question', l);
    rl.close();
  });
  input.write('Ada\n');
  input.write('more\n');
  await new Promise((resolve) => rl.once('close', resolve));
}

async function iterate() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  input.end('a\nb\nc\n');
  const got = [];
  for await (const l of rl) got.push(l);
  log('iterated', got);

  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2 });
  input2.write('x\ny\nz\n');
  for await (const l of rl2) {
    log('first only', l);
    break;
  }
  log('closed by break', rl2.closed);
}

async function promises() {
  const input = new PassThrough();
  const rl = rlp.createInterface({ input, output: sink('p') });
  const pending = rl.question('age? ');
  input.write('36\n');
  log('promised', await pending);
  rl.close();
  await rl.question('late?').catch((e) => log('rejected', e.code));
}

function helpers() {
  const out = sink('esc');
  log(readline.cursorTo(out, 3), readline.cursorTo(out, 2, 5), readline.moveCursor(out, -1, 2));
  readline.moveCursor(out, 4, -3);
  readline.clearLine(out, -1);
  readline.clearLine(out, 1);
  readline.clearLine(out, 0);
  readline.clearScreenDown(out);
  log(readline.cursorTo(null, 1), readline.moveCursor(out, 0, 0));
  try { readline.cursorTo(out, undefined, 1); } catch (e) { log(e.code, e.message); }
  try { readline.cursorTo(out, NaN); } catch (e) { log(e.code, e.message); }
  log(typeof readline.Interface, typeof readline.emitKeypressEvents, readline.promises === rlp);
}

lines().then(questions).then(iterate).then(promises).then(helpers);
