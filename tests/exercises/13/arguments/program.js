// The program tests/exercises/13/arguments-printer.sh debugs: an arguments object of
// each kind, a sloppy function's (its first two indices are its parameters' cells, so
// assigning `a` changes arguments[0]) and a strict function's (plain properties).
function sloppy(a, b) {
  a = 'changed';
  const held = { args: arguments };
  debugger;
  return held;
}
function strict(a) {
  'use strict';
  const args = arguments;
  debugger;
  return args;
}
sloppy(1, 'two', { three: 3 });
strict(4, [5]);
