// A failed fs.readFile reports Node's error: message, errno, code, syscall, path.
const fs = require('fs');
fs.readFile('no-such-file.txt', 'utf8', (err, data) => {
  console.log(err instanceof Error, data);
  console.log(err.message);
  console.log(err.errno, err.code, err.syscall, err.path);
  console.log(Object.keys(err).join(','));
  fs.readFile('.', 'utf8', (err2) => {
    console.log(err2.message);
    console.log(err2.code, err2.syscall, err2.path);
  });
});
try {
  fs.readFileSync('also-missing.txt', 'utf8');
} catch (e) {
  console.log('sync:', e.message, e.code);
}
console.log(fs.readFileSync(__filename, 'utf8').split('\n')[0]);
