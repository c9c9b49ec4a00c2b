// assert.CallTracker (deprecated, DEP0173, but in node 20): calls, getCalls, report, reset, verify.
const assert = require('assert');
const tracker = new assert.CallTracker();
function foo(a, b) { return a + b; }
const callsfoo = tracker.calls(foo, 2);
console.log(callsfoo(1, 2), callsfoo.name, callsfoo.length);
const r = tracker.report();
console.log(r.length, r[0].message, r[0].actual, r[0].expected, r[0].operator, typeof r[0].stack, Object.keys(r[0]));
console.log(tracker.getCalls(callsfoo));
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
callsfoo.call({x: 1}, 3, 4);
tracker.verify(); console.log('verified');
const noop = tracker.calls();
console.log(noop.name, noop.length, typeof noop(), tracker.report().length);
noop(); tracker.reset(noop); console.log(tracker.getCalls(noop).length, tracker.report().length);
tracker.reset();
try { tracker.getCalls(foo); } catch (e) { console.log(e.name, e.code, e.message); }
try { tracker.reset(foo); } catch (e) { console.log(e.name, e.code, e.message); }
try { tracker.calls(foo, 'x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { tracker.calls(foo, -1); } catch (e) { console.log(e.name, e.code, e.message); }
const t2 = new assert.CallTracker(); const f2 = t2.calls(function bar() {}); const f3 = t2.calls(foo, 3);
try { t2.verify(); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
console.log(t2.report().map(x => x.message));
console.log(typeof assert.strict.CallTracker, assert.CallTracker.name, assert.CallTracker.length, Object.keys(tracker), tracker);
