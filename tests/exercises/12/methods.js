// Exercise 12.5: http.METHODS, the methods the request parser accepts, sorted.
const http = require('http');
console.log(http.METHODS);
console.log(Array.isArray(http.METHODS), http.METHODS.includes('GET'), http.METHODS.includes('BREW'));
