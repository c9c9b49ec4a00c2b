// process.stdout and process.stderr are Writables: write() with a callback and an
// encoding, interleaving with console.log, pipe() into stdout (which never ends it),
// pipeline() into stdout, and node's errors for a bad chunk.
const { Readable, Writable, pipeline } = require('stream');
const out = process.stdout;
console.log('writable', out instanceof Writable, out.writable, out.fd, process.stderr.fd,
            out.writableHighWaterMark, typeof out.isTTY);
console.log(out.write('one\n', () => console.log('callback one')));
out.write('74776f0a', 'hex', () => console.log('callback two'));
console.log('after writes');
const src = Readable.from(['piped a\n', 'piped b\n']);
src.pipe(out);
src.on('end', () => {
  console.log('source ended; stdout still writable:', out.writable, out.writableEnded);
  pipeline(Readable.from(['pipeline\n']), out, (err) => {
    console.log('pipeline done', err && err.code);
  });
});
for (const bad of [null, 42, undefined]) {
  try { out.write(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
process.stderr.write('to stderr\n');
