// Graded exercise 7 of chapter 14: with --enable-experimental-regexp-engine
// (linear-flag.flags) node accepts the flag l, "linear": the RegExp is to run on V8's
// linear-time engine. Here only the flag itself: its letter in `flags` and toString (in
// the order "dgilmsuvy"), the getter RegExp.prototype.linear that exists only with the
// option, and the flags getter, which reads `linear` between `sticky` and `unicodeSets`.
// The expectation is node 20's:
// `node --enable-experimental-regexp-engine tests/exercises/14/linear-flag.js`.
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
show(() => [new RegExp('a+', 'l'), new RegExp('a+', 'yl'), new RegExp('x', 'lgms'), new RegExp('', 'l')]);
show(() => [new RegExp('a', 'gl').flags, String(new RegExp('a/b', 'ml')), new RegExp('a', 'l').source]);
show(() => [new RegExp('a', 'l').linear, /a/.linear, new RegExp(new RegExp('b', 'l')).linear,
  new RegExp(new RegExp('b', 'l'), 'g').linear, RegExp.prototype.linear]);
show(() => new RegExp('a', 'll'));
show(() => new RegExp('a', 'lz'));
const d = Object.getOwnPropertyDescriptor(RegExp.prototype, 'linear');
show(() => [typeof d.get, d.get.name, d.get.length, d.set, d.enumerable, d.configurable]);
show(() => Object.getOwnPropertyNames(RegExp.prototype).slice(-3));
show(() => d.get.call({}));
show(() => d.get.call(1));
// The flags getter asks for each flag by name, in V8's order, linear between the last two.
const asked = [];
const fake = new Proxy({}, { get(t, key) { asked.push(key); return key === 'linear' || key === 'sticky'; } });
show(() => [Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(fake), asked.join()]);
// Matching is unchanged (these patterns run as they would without l).
show(() => new RegExp('(a+)(b*)', 'l').exec('xaab'));
show(() => 'a-b-c'.replace(new RegExp('-', 'gl'), '+'));
show(() => 'a1b22c'.split(new RegExp('\\d+', 'l')));
show(() => [...'a1b22'.matchAll(new RegExp('\\d', 'gl'))].map((m) => m.index));
show(() => { const r = new RegExp('b', 'ly'); r.lastIndex = 1; return [r.test('ab'), r.lastIndex]; });
show(() => require('util').inspect(new RegExp('a', 'lg')));
