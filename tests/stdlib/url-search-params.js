// URLSearchParams: the constructor's three forms, every method, the iterators, errors,
// and how node prints URLs and params.
const p = new URLSearchParams('?a=1&b=2&a=3&c=%20x+y%zz&=e&f&&g==h&é=%C3%A9');
console.log(p.toString(), p.size, [...p.keys()], [...p.values()]);
console.log(p.get('a'), p.get('nope'), p.getAll('a'), p.has('a'), p.has('a', '3'), p.has('a', '4'));
p.set('a', 'one');
console.log(p.toString());
p.delete('b', 'x');
p.delete('c');
p.append('z', '~!*()\'-._ &=+/?#');
console.log(p.toString());
p.sort();
console.log(p.toString());
p.forEach(function (value, name, params) {
  console.log(name, value, params === p, this.t);
}, { t: 'this' });
console.log(new URLSearchParams([['x', 1], new Set(['y', 2])]).toString());
console.log(new URLSearchParams(Object.defineProperty({ k: 'v', n: 5, u: undefined }, Symbol('s'), { value: 1 })).toString());
console.log(new URLSearchParams(new Map([['m', 'n']])).toString());
console.log(new URLSearchParams(null).toString(), new URLSearchParams(123).toString());
console.log(new URLSearchParams('a=\ud800').toString(), new URLSearchParams([['\udc00', 'b']]).toString());
const s = new URLSearchParams('z=1&a=2&z=0&b=3&a=1&\u{1F600}=x&\uFFFD=y');
s.sort();
console.log([...s.entries()]);
const it = s.keys();
console.log(it.next(), it[Symbol.iterator]() === it, Object.prototype.toString.call(it));
console.log(it, s.values(), new URLSearchParams().entries());

// Errors, as node throws them.
for (const f of [
  () => new URLSearchParams([1]), () => new URLSearchParams([[1, 2, 3]]), () => new URLSearchParams({ [Symbol.iterator]: 1 }),
  () => new URLSearchParams().append('a'), () => new URLSearchParams().set(), () => new URLSearchParams().get(),
  () => new URLSearchParams().getAll(), () => new URLSearchParams().has(), () => new URLSearchParams().delete(),
  () => new URLSearchParams().forEach(), () => new URLSearchParams().forEach(1),
  () => URLSearchParams.prototype.get.call({}, 'a'), () => URLSearchParams.prototype.toString.call(1),
  () => new URLSearchParams().keys().next.call({}),
  () => new URL(), () => new URL('nope'), () => new URL('nope', 'base'), () => new URL('/x', 'nope'),
  () => URL.canParse(), () => URL.parse(), () => URL.createObjectURL('x'), () => URL.revokeObjectURL(),
]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message, e.input, e.base, Object.keys(e));
  }
}
try { new URL('http://[::1'); } catch (e) { console.log(require('util').inspect(e).split('\n')[0], e.input); }
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://y'), URL.canParse('x', 'y'));
console.log(URL.parse('x'), URL.parse('/p?q', 'https://h:8/'), URL.revokeObjectURL('blob:x'));

// Printing.
const url = new URL('https://user:pw@example.com:8080/a/b?x=1&y=2#h');
console.log(url);
console.log([url], { nested: { deeper: { url } } });
console.log(require('util').inspect(url, { depth: 0 }), require('util').inspect({ url }, { depth: 0 }));
console.log(new URLSearchParams('a=1&b=2&a=3'), new URLSearchParams(), [new URLSearchParams('a=1')]);
console.log(new URLSearchParams({ long1: 'x'.repeat(30), long2: 'y'.repeat(30), long3: 'z'.repeat(30) }));
console.log(Object.prototype.toString.call(url), Object.prototype.toString.call(url.searchParams));
console.log(Object.keys(url), Object.keys(URL.prototype), Object.keys(URLSearchParams.prototype), Object.keys(URL));
console.log(typeof globalThis.URL, Object.getOwnPropertyDescriptor(globalThis, 'URLSearchParams').enumerable);
console.log(require('url').URL === URL, require('node:url').URLSearchParams === URLSearchParams);
class MyURL extends URL {}
console.log(new MyURL('http://sub.class/'));
