// Graded exercise 6 of chapter 7: process.env writes through to the C environment, and
// setting process.env.TZ changes the zone of every later Date (node 20 does this by
// default; the expectation is `node tests/exercises/07/tz-at-run-time.js`).
const d = new Date(Date.UTC(2020, 6, 1, 12, 0, 0));
const winter = new Date(Date.UTC(2020, 0, 1, 12, 0, 0));
function show() {
  console.log(process.env.TZ, d.getHours(), d.getTimezoneOffset(), winter.getTimezoneOffset());
  console.log(d.toString());
  console.log(new Date(2020, 6, 1).getTime());
}
process.env.TZ = 'Asia/Tokyo';
show();
process.env.TZ = 'America/New_York';
show();
process.env.TZ = 'Europe/London';
show();
process.env.TZ = 'UTC';
show();

// Every value is stored as a string, and a deleted variable is gone.
process.env.TINYNODE_EXERCISE = 42;
console.log(typeof process.env.TINYNODE_EXERCISE, process.env.TINYNODE_EXERCISE);
console.log(delete process.env.TINYNODE_EXERCISE, 'TINYNODE_EXERCISE' in process.env);
