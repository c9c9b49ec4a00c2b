const e = new Error('made here');
function f() {
  throw e;
}
try {
  f();
} catch (err) {
  console.log('caught', err.message);
}
f();
