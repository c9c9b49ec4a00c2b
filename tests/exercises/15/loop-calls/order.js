// The program tests/exercises/15/loop-calls.sh runs: timers and immediates, each a named
// function that prints its own name, in an order that does not depend on timing (an
// immediate queued by a timer runs in the same turn's check phase, before any timer).
setTimeout(function first() {
  console.log('first');
  setTimeout(function third() {
    console.log('third');
    setImmediate(function fourth() {
      console.log('fourth');
    });
  }, 0);
  setImmediate(function second() {
    console.log('second');
  });
}, 0);
