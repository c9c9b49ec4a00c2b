// process.env writes through to the C environment: setting process.env.TZ changes the
// zone of every later Date, values are stored as strings (by assignment and by
// defineProperty, which takes only a plain data descriptor), and a deleted variable is
// gone. (Chapter 7's graded exercise tz-at-run-time until main did this.)
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

// A child process sees what was set.
process.env.TINYNODE_CHILD = 'inherited';
console.log(require('child_process').execSync('echo "$TINYNODE_CHILD"').toString().trim());

// Every value is stored as a string, and a deleted variable is gone.
process.env.TINYNODE_EXERCISE = 42;
console.log(typeof process.env.TINYNODE_EXERCISE, process.env.TINYNODE_EXERCISE);
console.log(delete process.env.TINYNODE_EXERCISE, 'TINYNODE_EXERCISE' in process.env);

for (const d of [{ get() {} }, { value: 1 }, { value: 7, writable: true, enumerable: true, configurable: true }]) {
  try {
    Object.defineProperty(process.env, 'TINYNODE_DEFINED', d);
    console.log('defined', typeof process.env.TINYNODE_DEFINED, process.env.TINYNODE_DEFINED);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
