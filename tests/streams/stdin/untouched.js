// Touching process.stdin without reading it must not keep the process alive.
const s = process.stdin;
console.log('made', typeof s.on, s.readableFlowing);
