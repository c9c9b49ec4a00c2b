// The RegExp constructor: patterns from strings and regexps, flags, new.target, errors.
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
show(() => new RegExp('a+b', 'gi'));
show(() => new RegExp());
show(() => new RegExp(undefined, undefined));
show(() => RegExp('x', 'y'));
show(() => new RegExp(/abc/g));
show(() => new RegExp(/abc/g, 'im'));
show(() => new RegExp(/abc/g, ''));
const re = /q/g;
console.log(RegExp(re) === re, RegExp(re, 'g') === re, new RegExp(re) === re);
const fake = { [Symbol.match]: true, source: 'fa+ke', flags: 'm', constructor: RegExp };
console.log(RegExp(fake) === fake, new RegExp(fake));
show(() => new RegExp('a', 'gg'));
show(() => new RegExp('a', 'uv'));
show(() => new RegExp('a', 'x'));
show(() => new RegExp('('));
show(() => new RegExp('[b-a]', 'gi'));
show(() => new RegExp('\\p{Foo}', 'u'));
show(() => new RegExp('a{2,1}'));
show(() => new RegExp('(?<n>a)(?<n>b)'));
show(() => new RegExp({ toString() { return 'obj'; } }, { toString() { return 's'; } }));
// source escapes / and line terminators, and is (?:) when empty
for (const p of ['/', '\\/', '[/]', 'a\nb', '\\\n', '\r\u2028\u2029', '', 'a/b[/]c/'])
  console.log(JSON.stringify(new RegExp(p).source), String(new RegExp(p)));
// flags, in canonical order whatever order they were given in
console.log(new RegExp('x', 'yvsmigd').flags, /x/dgimsy.flags, /x/v.unicodeSets);
const all = /x/dgimsuy;
console.log(all.hasIndices, all.global, all.ignoreCase, all.multiline, all.dotAll,
            all.unicode, all.unicodeSets, all.sticky);
// the getters on RegExp.prototype itself, and on other objects
console.log(RegExp.prototype.global, RegExp.prototype.source, RegExp.prototype.flags,
            String(RegExp.prototype));
const getter = (name) => Object.getOwnPropertyDescriptor(RegExp.prototype, name).get;
show(() => getter('global').call({}));
show(() => getter('source').call(1));
show(() => getter('flags').call(1));
console.log(getter('flags').call({ global: 1, sticky: 'yes', hasIndices: 0, dotAll: [] }));
show(() => RegExp.prototype.toString.call({ source: 'S', flags: 'F' }));
show(() => RegExp.prototype.toString.call(1));
show(() => RegExp.prototype.exec.call({}, 'a'));
// lastIndex is an own, writable, non-enumerable, non-configurable data property
console.log(Object.getOwnPropertyDescriptor(/a/, 'lastIndex'), Object.keys(/a/));
console.log(Object.getOwnPropertyNames(RegExp.prototype));
console.log(RegExp.length, RegExp.name, RegExp[Symbol.species] === RegExp);
// an object whose prototype chain reaches RegExp.prototype through another object
function R() {}
R.prototype = Object.create(RegExp.prototype, { constructor: { value: R } });
R.prototype.exec = function (s) {
  console.log('R.exec', s);
  return RegExp.prototype.exec.call(this, s);
};
const r = Object.setPrototypeOf(/b+/g, R.prototype);
console.log(r instanceof R, r instanceof RegExp, r.test('abb'), r.lastIndex, r);
// compile (Annex B) reinitialises in place
const c = /x/g;
c.lastIndex = 3;
console.log(c.compile('y+', 'i') === c, c, c.lastIndex, c.compile(/z/m), c.compile());
show(() => c.compile(/z/, 'g'));
show(() => RegExp.prototype.compile.call({}));
