// console.table draws objects and arrays as boxes; every cell is left-aligned.
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([1, 'two', { three: 3 }]);
console.table({ first: { name: 'Ada', age: 36 }, second: { name: 'Alan', age: 41 } });
console.table([[1, 2], [3, 4, 5]]);
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
console.table([{ nested: { deep: { deeper: 1 } }, list: [1, 2, 3, 4, 5] }]);
console.table([{ wide: { a: 1, b: 2, c: 3 } }]);
console.table([]);
console.table('not tabular');
console.table(42);
console.table([{ '10': 'ten', '2': 'two', z: 'zed', b: 'bee' }]);
console.table([{ name: '中文', v: 1 }]);
console.group('grouped');
console.table([{ x: 1 }]);
console.groupEnd();
