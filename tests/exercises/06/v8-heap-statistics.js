// Graded exercise 6 of chapter 6: require('v8').getHeapStatistics(), V8's fourteen
// numbers about the heap, in V8's order; tinynode gives the collector's own where it
// has them. The test checks names, types and relations, not values. The expectation is
// node 20's: `node tests/exercises/06/v8-heap-statistics.js`.
const v8 = require('v8');
console.log(v8 === require('node:v8'), typeof v8.getHeapStatistics, v8.getHeapStatistics.length);
const stats = v8.getHeapStatistics();
console.log(Object.getPrototypeOf(stats) === Object.prototype, Object.keys(stats));
console.log(Object.values(stats).map((v) => typeof v + (Number.isInteger(v) && v >= 0 ? ' >= 0' : '')).join(', '));
console.log(stats.does_zap_garbage, stats.number_of_native_contexts, stats.number_of_detached_contexts);
console.log(stats.used_heap_size <= stats.total_heap_size, stats.total_heap_size <= stats.heap_size_limit);
console.log(stats.total_available_size <= stats.heap_size_limit);
console.log(stats.heap_size_limit >= 16 * 1024 * 1024);
// Each call makes a new object; the heap grows with what the program keeps.
console.log(v8.getHeapStatistics() !== v8.getHeapStatistics());
const kept = [];
for (let i = 0; i < 100000; i++) kept.push({ i, s: 'x' + i });
const after = v8.getHeapStatistics();
console.log(after.used_heap_size - stats.used_heap_size > 4 * 1024 * 1024, kept.length);
// memoryUsage agrees about the same heap.
const usage = process.memoryUsage();
const now = v8.getHeapStatistics();
console.log(Math.abs(now.used_heap_size - usage.heapUsed) < 2 * 1024 * 1024);
