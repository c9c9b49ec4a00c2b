// --trace (tinynode only): source lines as they change, natives called and returned
// (reduce calls back into JavaScript; JSON.parse throws), and the marks of the event
// loop's callbacks and the microtasks.
const marks = [78, 84, 91];
const total = marks.reduce((sum, mark) => sum + mark, 0);
try {
  JSON.parse('{');
} catch {
  setImmediate(() => Promise.resolve(total).then((t) => t + 1));
}
