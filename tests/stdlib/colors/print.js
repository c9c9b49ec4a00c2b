// What console and the uncaught-error report colour, run by ../colors.sh under several
// environments with stdout and stderr piped.
console.log('str', 7, null, undefined, Symbol('s'), true, [1, 'a'], { d: new Date(0) });
console.log('%o %O %d %s %j', { a: 1 }, { b: 2 }, 3, 4, 5);
console.error([new Map([[1, {}]]), new Set(['a']), /x/g, function f() {}]);
console.table([{ a: 1, b: 'x' }, { a: null }]);
console.dir({ nested: { deep: [1] } });
setTimeout(() => {
  throw { a: [1, 'x'] };
});
