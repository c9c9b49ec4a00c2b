// Graded exercise of chapter 15: --dump-bytecode=NAME lists only the functions called
// NAME (both `area`s here, the second with the arrow nested in it), not the top level,
// `perimeter` or `unused`. The program itself does not run.
function area(w, h) {
  return w * h;
}
function perimeter(w, h) {
  return 2 * (w + h);
}
const shapes = {
  area(r) {
    const square = (x) => x * x;
    return Math.PI * square(r);
  },
  unused() {},
};
console.log(area(3, 4), perimeter(3, 4), shapes.area(1));
