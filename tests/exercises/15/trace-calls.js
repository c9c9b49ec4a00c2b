// Graded exercise of chapter 15: --trace=calls prints only the calls and the returns,
// of JavaScript functions (with their arguments) and of natives, indented two spaces
// for each frame under the top one. countdown starts with a loop whose jump back to
// offset 0 is not a new call; new Point returns the object it made.
function countdown(n) {
  while (n > 0) n--;
  return n;
}
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
function fact(n) {
  return n <= 1 ? 1 : n * fact(n - 1);
}
const total = [1, 2].reduce((sum, x) => sum + x, 0);
const p = new Point(total, countdown(2));
setImmediate(() => fact(3));
