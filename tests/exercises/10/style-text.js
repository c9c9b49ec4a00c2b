// Exercise 10.6: util.styleText(format, text) wraps text in the escape codes of
// util.inspect.colors' names (one, or an array applied in order). By default it asks
// process.stdout whether to colour, as console does: piped, as here, it does not; with
// { validateStream: false } it always does.
const util = require('util');
const always = { validateStream: false };
console.log(JSON.stringify(util.styleText('red', 'text')));
for (const format of ['red', 'bold', 'underline', 'bgBlue', 'gray', 'italic', ['bold', 'red']]) {
  console.log(JSON.stringify(util.styleText(format, 'text', always)));
}
try {
  util.styleText('no-such-style', 'text', always);
} catch (e) {
  console.log(e.name, e.code);
}
try {
  util.styleText('red', 42);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
