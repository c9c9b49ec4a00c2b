// --trace=stack (tinynode only): the whole operand stack before each instruction.
const point = { x: 1, y: 2 };
const sum = Math.max(point.x + point.y, 0);
