// The program tests/gdb/locals.sh debugs: `js locals` inside a closure shows its own
// variables by name and the ones it captured; one frame up, the captured ones are cells.
function counter(step) {
  let count = 0;
  const label = 'count';
  function next() {
    count += step;
    const shown = label + ' ' + count;
    debugger;
    return shown;
  }
  next();
  return next;
}
counter(2);
