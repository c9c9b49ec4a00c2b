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
