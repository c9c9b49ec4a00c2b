// Statements: if/else, the loops (for, for-in, for-of with a pattern, while, do-while),
// switch, labels with break and continue, try/catch/finally (with and without a catch
// binding), throw, debugger, the empty statement, and automatic semicolon insertion
// (the line break after `return` ends it).
if (a) b(); else if (c) d(); else { e(); }
for (let i = 0, n = 3; i < n; i++) continue;
for (;;) break;
for (const key in obj) ;
for (const [k, v] of Object.entries(obj)) console.log(k, v);
for (x of xs) ;
while (busy) wait();
do step(); while (more)
switch (kind) { case 1: case 2: one(); break; default: other(); }
outer: for (const a of as) { inner: for (const b of bs) { if (b) continue outer; break inner; } }
try { risky(); } catch (err) { log(err); } finally { done(); }
try { risky(); } catch { }
function r() {
  return
  42;
}
debugger;
throw new Error("boom");
