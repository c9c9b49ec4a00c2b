// The program tests/exercises/13/map-printer.sh debugs: Maps and Sets, one with a deleted
// entry (a tombstone the printer steps over), one longer than the printer shows.
const m = new Map([['a', 1], [{ k: 1 }, 'object key']]);
m.set('gone', 0);
m.delete('gone');
m.set('b', [1, 2]);
const s = new Set([1, 'two']);
const squares = new Map();
for (let i = 0; i < 10; i++) squares.set(i, i * i);
const empty = new Set();
const nested = { m, s };
debugger;
