// The program tests/exercises/13/frame-select.sh debugs: it stops twice in inner, which
// an arrow function calls from inside reduce (a native), under outer and the top level.
function inner(x) {
  const twice = x * 2;
  debugger;
  return twice;
}
function outer(list) {
  const total = list.reduce((sum, x) => sum + inner(x), 0);
  return total;
}
outer([5, 6]);
