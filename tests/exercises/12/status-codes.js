// Exercise 12.4: http.STATUS_CODES, the reason phrase of every status code node knows
// (the table the server already uses for its status lines), as a plain object.
const http = require('http');
console.log(http.STATUS_CODES);
console.log(http.STATUS_CODES[404], http.STATUS_CODES[418], http.STATUS_CODES[999]);
console.log(Object.keys(http.STATUS_CODES).length, typeof Object.keys(http.STATUS_CODES)[0]);
