// The program tests/exercises/13/js-print.sh debugs: it stops in area, whose frame has
// parameters, a local and a captured variable (unit), under the top level's variables.
const unit = 'cm';
const shapes = [{ name: 'snow \u2603', size: { w: 3, h: 4 } }, { name: "it's", tags: ['a', 'b'] }];
class Square {
  constructor(side) {
    this.side = side;
  }
  get area() {
    return this.side * this.side;
  }
}
const square = new Square(5);
function area(shape, scale) {
  const w = shape.size.w * scale;
  debugger;
  return w + unit;
}
area(shapes[0], 2);
