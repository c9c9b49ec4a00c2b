function tag(s,...v){ return [s, s.raw, v, Object.isFrozen(s), Object.isFrozen(s.raw)]; }
console.log(tag`a\unicode${1}b${2}`);
console.log(tag``);
function same(s){ return s; }
let r = []; for (let i = 0; i < 2; i++) r.push(same`x`);
console.log(r[0] === r[1], same`x` === r[0]);
console.log(String.raw`a\n${1}\u{41}`, String.raw({raw: ['x','y','z']}, 1, 2, 3));
const o = { m(s, a) { return this === o && a; } };
console.log(o.m`q${5}`, o['m']`z${6}`);
console.log(Object.getOwnPropertyDescriptor(same`a`, 'raw'));
console.log(tag`\xg`[0], (x=>x)`line1
line2`.raw);
console.log(new.target === undefined);
// The tag runs after its receiver and before the substitutions; a throwing tag.
const log = [];
const t = { get f() { log.push('get'); return (s, x) => s.length + x; } };
console.log(t.f`a${(log.push('sub'), 1)}`, log);
try { undefined`x`; } catch (e) { console.log(e.message); }
try { t.nope`x`; } catch (e) { console.log(e.message); }
