// indexOf lastIndexOf includes at join toString concat slice flat flatMap and iterators.
const j = a => JSON.stringify(a);
const a = [1, 2, 3, 2, NaN, -0, undefined];
console.log(a.indexOf(2), a.indexOf(2, 2), a.indexOf(2, -3), a.indexOf(9), a.indexOf(NaN), a.indexOf(0));
console.log(a.lastIndexOf(2), a.lastIndexOf(2, 2), a.lastIndexOf(2, -5), a.lastIndexOf(1, -100), a.lastIndexOf(undefined));
console.log(a.includes(NaN), a.includes(0), a.includes(undefined), a.includes(2, 4), [, 1].includes(undefined), [, 1].indexOf(undefined));
console.log(a.at(0), a.at(-1), a.at(-7), a.at(7), a.at(1.7), a.at('1'));
console.log(['1', 1].indexOf(1), [[1]].indexOf([1]));

// join and toString
console.log([1, 2, 3].join(), [1, 2, 3].join(''), [1, 2, 3].join(' - '), [].join(), [null, undefined, 1].join());
console.log([1, [2, [3, [4]]]].join(';'), String([1, [2, 3]]), [1, 2] + '', [{}].join(), [1, 2].join(undefined));
const cyclic = [1, 2];
cyclic.push(cyclic);
console.log(cyclic.join('|'), String(cyclic));
console.log(Array.prototype.toString.call({ join: () => 'custom join' }), Array.prototype.toString.call({}));
console.log([1.5, -0, 1e21, 'x'].toString());

// concat
console.log(j([1].concat(2, [3, 4], [[5]])), j([].concat()), j([1, , 3].concat([4, , 6])), [1, , 3].concat([4]).length);
console.log(j([1].concat({ length: 1, 0: 'not spread' })), j(['a'].concat('bc')));

// slice
const s = ['a', 'b', 'c', 'd', 'e'];
console.log(j(s.slice()), j(s.slice(2)), j(s.slice(1, 3)), j(s.slice(-2)), j(s.slice(2, -1)), j(s.slice(4, 1)), j(s.slice(-99, 99)));
console.log(j(Array.prototype.slice.call({ length: 2, 0: 'x', 1: 'y' })), j(Array.prototype.slice.call('str', 1)));
console.log(j([1, , 3].slice(0, 2)), 1 in [1, , 3].slice(0, 2));

// flat and flatMap
const nested = [1, [2, [3, [4, [5]]]]];
console.log(j(nested.flat()), j(nested.flat(2)), j(nested.flat(Infinity)), j(nested.flat(0)), j([1, , [2, , 3]].flat()));
console.log(j([1, 2].flatMap(x => [x, x * 10])), j(['a b', 'c'].flatMap(s => s.split(' '))), j([1].flatMap(x => [[x]])));
try { [1].flatMap() } catch (e) { console.log(e.name + ': ' + e.message) }

// Iterators
const it = ['x', 'y'][Symbol.iterator]();
console.log(j(it.next()), j(it.next()), j(it.next()), j(it.next()));
console.log(j([...['p', 'q'].keys()]), j([...['p', 'q'].entries()]), j([...[, 'z'].values()]));
console.log(Array.prototype[Symbol.iterator] === Array.prototype.values, Array.prototype.values.name);
const ai = [].values();
console.log(Object.prototype.toString.call(ai), typeof ai.next, ai[Symbol.iterator]() === ai);
const proto = Object.getPrototypeOf(ai);
console.log(Object.getOwnPropertyNames(proto).join(), proto[Symbol.toStringTag]);
try { proto.next.call({}) } catch (e) { console.log(e.name + ': ' + e.message) }
let out = '';
for (const v of [10, 20, 30]) out += v + ';';
for (const [i, v] of ['a', 'b'].entries()) out += i + v;
console.log(out);
const live = [1, 2];
const liveIt = live.values();
liveIt.next();
live.push(3);
console.log(liveIt.next().value, liveIt.next().value, liveIt.next().done);
const byHand = Array.prototype.values.call({ length: 2, 0: 'first', 1: 'second' });
console.log(byHand.next().value, byHand.next().value, byHand.next().done);
