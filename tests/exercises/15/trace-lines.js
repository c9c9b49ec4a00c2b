// Graded exercise of chapter 15: --trace=lines prints only --trace's source lines and
// its marks of the event loop's callbacks and of the microtasks: which lines ran, in
// order, without the instructions and the natives.
function grade(mark) {
  if (mark >= 80) {
    return 'A';
  }
  return 'B';
}
const marks = [78, 84];
const grades = [];
for (const mark of marks) {
  grades.push(grade(mark));
}
setImmediate(() => {
  Promise.resolve(grades).then((g) => {
    console.log(g.join(''));
  });
});
