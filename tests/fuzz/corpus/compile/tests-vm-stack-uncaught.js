// Uncaught, a recursion through natives ends the process with node's RangeError.
console.log('before');
function f(n) { return [1].map(() => f(n + 1)); }
f(0);
console.log('after');
