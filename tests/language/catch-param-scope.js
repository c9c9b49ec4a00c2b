// A catch parameter with expressions sees the scope around it, not the body's declarations;
// a destructuring parameter may not share a name with a var of the body.
var y = 'outer';
try { throw []; } catch ([a = () => y]) { let y = 'inner'; console.log(a(), y); }
try { throw [{}]; } catch ([{ b = () => typeof C }]) { class C {} console.log(b(), typeof C); }
try { throw 1; } catch (e) { var e = 2; console.log(e); }
const sources = ['try {} catch ([x = 1]) { let x; }', 'try {} catch ([e]) { var e; }',
  'try {} catch ({e}) { { var e; } }', 'try {} catch ([e]) { for (var e in {}); }',
  'try {} catch ([e]) { { function e() {} } }', 'try {} catch (e) { var e; }'];
for (const src of sources) {
  try { new Function(src); console.log('ok:', src); } catch (err) { console.log(`${err.name}: ${err.message}:`, src); }
}
