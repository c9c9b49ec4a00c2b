// The program tests/gdb/session.sh debugs: it stops at the `debugger` statement in the
// for-of loop and in the native Math.max, and checks what the gdb helper prints.
function area(shape) {
  const w = shape.w, h = shape.h;
  return Math.max(w * h, 0);
}
const shapes = [{ name: 'snow \u2603', w: 3, h: 4 }, { name: "it's", w: 0.5, h: -2e-7 }];
const note = 'a long string: ' + 'x'.repeat(100);
for (const shape of shapes) {
  const label = 'area of ' + shape.name;
  debugger;
  console.log(label, area(shape), note.length);
}
