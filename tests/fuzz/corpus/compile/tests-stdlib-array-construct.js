// The Array constructor, Array.of, Array.from, Array.isArray.
console.log(JSON.stringify(Array()), JSON.stringify(new Array()), Array(3).length, JSON.stringify(Array(3)));
console.log(JSON.stringify(Array(1, 2)), JSON.stringify(new Array('3')), JSON.stringify(Array(0)));
console.log(0 in Array(3), Array(2).join('-'), Array.length, Array.name);
for (const bad of [-1, 1.5, 2 ** 32, NaN, Infinity]) {
  try { new Array(bad) } catch (e) { console.log(e.name + ': ' + e.message) }
}
try { [].length = -1 } catch (e) { console.log(e.name + ': ' + e.message) }
console.log(JSON.stringify(Array.of(7)), JSON.stringify(Array.of(1, 2, 3)), Array.of().length);

// Array.from: iterables, array-likes, strings, a map function.
console.log(JSON.stringify(Array.from('héllo')), JSON.stringify(Array.from('a😀b')));
console.log(JSON.stringify(Array.from([1, 2, 3], x => x * 2)));
console.log(JSON.stringify(Array.from({ length: 3 })), JSON.stringify(Array.from({ length: 2, 0: 'a', 1: 'b' })));
console.log(JSON.stringify(Array.from({ length: 4 }, (_, i) => i * i)));
console.log(JSON.stringify(Array.from(new Array(2))), Array.from(5).length, Array.from(true).length);
const iterable = { [Symbol.iterator]() { let n = 0; return { next: () => ({ value: n, done: n++ >= 3 }) } } };
console.log(JSON.stringify(Array.from(iterable)), JSON.stringify(Array.from(iterable, function (v) { return v + this.add }, { add: 10 })));
console.log(JSON.stringify(Array.from([1, 2].entries())), JSON.stringify(Array.from([5, 6].keys())));
for (const bad of [() => Array.from(null), () => Array.from(undefined), () => Array.from([1], 5),
                   () => Array.from({ [Symbol.iterator]: 1 })]) {
  try { bad() } catch (e) { console.log(e.name + ': ' + e.message) }
}
const a = [1, 2, 3];
const copy = Array.from(a);
console.log(copy !== a, JSON.stringify(copy));

// Array.isArray
console.log(Array.isArray([]), Array.isArray(new Array(2)), Array.isArray({ length: 0 }),
            Array.isArray('abc'), Array.isArray(Array.prototype), Array.isArray());

// length and holes.
const holes = [1, , 3];
console.log(holes.length, 1 in holes, JSON.stringify(holes), holes.indexOf(undefined));
const grow = [];
grow[5] = 'x';
console.log(grow.length, JSON.stringify(grow));
grow.length = 2;
console.log(grow.length, JSON.stringify(grow), 5 in grow);
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(Array, 'prototype')));
console.log(Array.prototype.length, Array.isArray(Array.prototype), Array.prototype.constructor === Array);
