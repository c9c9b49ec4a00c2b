// Many reads in flight at once: the worker pool's threads and the loop share the job
// and completion queues (make tsan runs this under ThreadSanitizer).
const fs = require('fs');
const N = 400;
let done = 0, bytes = 0, errors = 0;
for (let i = 0; i < N; i++) {
  const name = i % 5 === 4 ? 'no-such-file.txt' : __filename;
  fs.readFile(name, 'utf8', (err, text) => {
    if (err) errors++;
    else bytes += text.length;
    if (++done === N) console.log(done, errors, bytes === 320 * text_length());
  });
}
function text_length() { return fs.readFileSync(__filename, 'utf8').length; }
