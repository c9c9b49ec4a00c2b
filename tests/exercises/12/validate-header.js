// Exercise 12.6: http.validateHeaderName(name) and http.validateHeaderValue(name, value)
// throw node's errors for what setHeader must refuse: a name that is not an HTTP token,
// an undefined value, and a value with a control character or a code point above 0xFF.
const http = require('http');
function attempt(f, ...args) {
  try {
    console.log('ok', f(...args));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
attempt(http.validateHeaderName, 'Content-Type');
attempt(http.validateHeaderName, 'x-custom_1!#$%&\'*+.^`|~');
attempt(http.validateHeaderName, 'bad name');
attempt(http.validateHeaderName, 'bad:name');
attempt(http.validateHeaderName, '');
attempt(http.validateHeaderValue, 'x', 'plain value\twith a tab');
attempt(http.validateHeaderValue, 'x', 'caf\u00e9');
attempt(http.validateHeaderValue, 'x', undefined);
attempt(http.validateHeaderValue, 'x', 'line\nbreak');
attempt(http.validateHeaderValue, 'x', '\u0100');
attempt(http.validateHeaderValue, 'x', 42);
console.log(http.validateHeaderName.length, http.validateHeaderValue.length);
