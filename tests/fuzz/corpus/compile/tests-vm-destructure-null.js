// Destructuring null or undefined throws V8's TypeError, even for patterns with no
// property to read first ({} and {...rest}).
const attempts = [
  () => { const {} = null; },
  () => { const o = {}; const { ...r } = o.x; },
  () => { const { a } = null; },
  () => { const [x] = undefined; },
];
for (const attempt of attempts) {
  try {
    attempt();
  } catch (e) {
    console.log(e.constructor.name + ': ' + e.message);
  }
}
const {} = 5;
const { length, ...rest } = 'hi';
console.log(length, rest);
