// eval(...args) is still a direct eval when the callee is the global eval: the text is
// the first argument after spreading (none: undefined). node 20's V8 agrees when the
// spread is followed by more arguments; a lone spread it treats as indirect, a V8 bug
// (test262 language/expressions/call/eval-spread.js), so that case is not shown here.
var x = 'global';
(function () {
  var x = 'local';
  eval(...[], 'x = 1');
  console.log(x);
  const none = { [Symbol.iterator]() { return { next() { return { done: true }; } }; } };
  eval(...none, 'x = 2', 'ignored');
  console.log(x);
  console.log(eval(...['x + 1'], 0));
})();
console.log(x);
// not the global eval: an ordinary spread call
(function () {
  const eval = (...a) => a.length;
  console.log(eval(...[1, 2], 3));
})();
