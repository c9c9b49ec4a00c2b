// Built-in modules a package may name that are other modules' parts: process,
// util/types and the legacy _stream_* names, each the same object as in node.
console.log(require('process') === process, require('node:process') === process);
console.log(require('util/types') === require('util').types, require('node:util/types').isDate(new Date()));
const stream = require('stream');
for (const [n, c] of [['readable', 'Readable'], ['writable', 'Writable'], ['duplex', 'Duplex'], ['transform', 'Transform'], ['passthrough', 'PassThrough']])
  console.log(n, require('_stream_' + n) === stream[c]);
console.log(require('module').builtinModules.filter((m) => /^(process|util\/types|_stream_(readable|writable|duplex|transform|passthrough)$)/.test(m)));
console.log(require('module').isBuiltin('process'), require('module').isBuiltin('node:util/types'));
