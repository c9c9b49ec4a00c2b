// console.error and console.warn write to stderr, log to stdout; each call is one line.
console.log('to stdout 1');
console.error('to stderr 1');
console.warn('warn to stderr', 42, { a: 1 });
console.log('to stdout 2');
console.error([1, 2, 3], 'x');
console.error('%s=%d', 'n', 5);
console.error();
