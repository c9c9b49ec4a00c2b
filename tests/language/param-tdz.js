// A parameter read in the parameter list before its own formal is in its TDZ, as let is
try { (function (a = b, b) { return a; })(); } catch (e) { console.log(e.message); }
try { (function (a = a) { return a; })(); } catch (e) { console.log(e.message); }
console.log((function (a, b = a) { return b; })(3));
try { (function ({x} = y, y) {})(); } catch (e) { console.log(e.message); }
try { (function (a = typeof b, b) {})(); } catch (e) { console.log(e.message); }
try { (function (a = () => b, b = 2) { console.log(a()); })(); } catch (e) { console.log(e.message); }
try { ((a = b, b) => a)(); } catch (e) { console.log(e.message); }
try { (function ([a] = [a]) {})(); } catch (e) { console.log(e.message); }
try { (function (a, b = a + 1) { console.log(b) })(1); } catch (e) { console.log(e.message); }

// A name bound by a pattern is set as soon as its own element is done: later elements
// may read it, but a default of a pattern that binds it runs first and may not.
function tdz(f) { try { return f(); } catch (e) { return e.constructor.name + ': ' + e.message; } }
console.log(tdz(() => (function (a = a) { return a; })()));
console.log(tdz(() => (function ({ w = w }) { return w; })({})));
console.log(tdz(() => (function ({ w } = { w: w }) { return w; })()));
console.log(tdz(() => (function ({ [w]: w }) { return w; })({})));
console.log(tdz(() => (function ({ a: { w } = w }) { return w; })({})));
console.log(tdz(() => (function ({ a: { w } = { w: 5 }, v = w }) { return v; })({})));
console.log(tdz(() => (function (a, b = a) { return b; })(3)));
console.log(tdz(() => (function (a = b, b) { return a; })(undefined, 2)));
console.log(tdz(() => (function ([x, y = x] = [4]) { return y; })()));
console.log(tdz(() => (function ([x = y, y]) { return y; })([])));
function area({ w = 1, h = w } = {}) { return w * h; }
console.log(area({ w: 3 }), area());
