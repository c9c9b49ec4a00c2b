// The built-ins declared in property tables (VMPropDef rows), as V8 and Node define them:
// for each object, the keys tinynode has, in the object's own order, with their attributes
// (e enumerable, c configurable, w writable) and each function's name and length.
function entry(obj, key) {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  const fn = (f) => (typeof f === 'function' ? `${JSON.stringify(f.name)}/${f.length}` : String(f));
  let text = `${String(key)} ${d.enumerable ? 'e' : '-'}${d.configurable ? 'c' : '-'}`;
  if (!('value' in d)) return `${text} get ${fn(d.get)} set ${fn(d.set)}`;
  text += d.writable ? 'w' : '-';
  if (typeof d.value === 'function') return `${text} ${fn(d.value)}`;
  if (typeof d.value === 'object' || ['version', 'title', 'pid', 'ppid', 'execPath'].includes(key))
    return `${text} ${typeof d.value}`; /* what differs between node and tinynode */
  return `${text} ${typeof d.value === 'symbol' ? String(d.value) : JSON.stringify(d.value)}`;
}

// keys: the ones to show, as String(key); they are printed in obj's own order.
function show(label, obj, keys) {
  const own = Object.getOwnPropertyNames(obj).concat(Object.getOwnPropertySymbols(obj));
  const shown = own.filter((k) => keys.includes(String(k)));
  console.log(label);
  for (const k of shown) console.log('  ' + entry(obj, k));
  const missing = keys.filter((k) => !own.some((o) => String(o) === k));
  if (missing.length) console.log('  missing: ' + missing.join(', '));
}

const tag = 'Symbol(Symbol.toStringTag)';
const iterator = 'Symbol(Symbol.iterator)';

show('Object', Object, ['length', 'name', 'prototype', 'assign', 'getOwnPropertyNames',
  'getOwnPropertySymbols', 'seal', 'freeze', 'isFrozen', 'isSealed', 'keys', 'entries', 'values']);
show('Object.prototype', Object.prototype, ['constructor', '__defineGetter__', '__lookupSetter__',
  'toString', '__proto__', 'toLocaleString']);
show('Function.prototype', Function.prototype, ['length', 'name', 'arguments', 'caller',
  'constructor', 'apply', 'bind', 'call', 'toString', 'Symbol(Symbol.hasInstance)']);
const caller = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
console.log('  %ThrowTypeError%:', caller.get === caller.set, Object.isFrozen(caller.get));
show('Error', Error, ['length', 'name', 'prototype', 'captureStackTrace', 'stackTraceLimit']);
show('Error.prototype', Error.prototype, ['constructor', 'name', 'message', 'toString']);
show('TypeError', TypeError, ['length', 'name', 'prototype']);
show('URIError.prototype', URIError.prototype, ['constructor', 'name', 'message']);
show('Symbol', Symbol, ['length', 'name', 'prototype', 'for', 'keyFor', 'asyncIterator',
  'hasInstance', 'iterator', 'toPrimitive', 'toStringTag']);
show('Symbol.prototype', Symbol.prototype, ['constructor', 'toString', 'valueOf', 'description',
  tag, 'Symbol(Symbol.toPrimitive)']);
show('Array', Array, ['length', 'name', 'prototype', 'isArray', 'from', 'of']);
show('Array.prototype', Array.prototype, ['length', 'constructor', 'at', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'lastIndexOf', 'includes', 'indexOf', 'join', 'keys', 'entries',
  'values', 'forEach', 'filter', 'map', 'every', 'some', 'reduce', 'reduceRight',
  'toLocaleString', 'toString', 'with', iterator]);
console.log('  [Symbol.iterator] is values:', Array.prototype[Symbol.iterator] === [].values);
show('%ArrayIteratorPrototype%', Object.getPrototypeOf([].keys()), ['next', tag]);
show('%IteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf([].keys())), [iterator]);
show('String', String, ['length', 'name', 'prototype', 'fromCharCode', 'fromCodePoint', 'raw']);
show('String.prototype', String.prototype, ['constructor', 'at', 'charAt', 'charCodeAt',
  'codePointAt', 'concat', 'endsWith', 'includes', 'indexOf', 'isWellFormed', 'lastIndexOf',
  'localeCompare', 'normalize', 'padEnd', 'padStart', 'repeat', 'replace', 'replaceAll', 'slice',
  'split', 'substr', 'substring', 'startsWith', 'toString', 'toWellFormed', 'trim', 'trimStart',
  'trimLeft', 'trimEnd', 'trimRight', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toLowerCase',
  'toUpperCase', 'valueOf', iterator]);
show('%StringIteratorPrototype%', Object.getPrototypeOf(''[Symbol.iterator]()), ['next', tag]);
show('Number', Number, ['length', 'name', 'prototype', 'isFinite', 'isInteger', 'isNaN',
  'isSafeInteger', 'parseFloat', 'parseInt', 'MAX_VALUE', 'MIN_VALUE', 'NaN',
  'NEGATIVE_INFINITY', 'POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'EPSILON']);
console.log('  parseInt is the global:', Number.parseInt === parseInt);
show('Number.prototype', Number.prototype, ['constructor', 'toExponential', 'toFixed',
  'toPrecision', 'toString', 'valueOf', 'toLocaleString']);
show('Boolean.prototype', Boolean.prototype, ['constructor', 'toString', 'valueOf']);
show('Math', Math, Object.getOwnPropertyNames(Math).concat([tag]));
show('JSON', JSON, ['parse', 'stringify', tag]);

console.log('globals');
for (const k of ['Object', 'Math', 'JSON', 'NaN', 'Infinity', 'undefined', 'isNaN', 'parseFloat',
  'console', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
  'clearImmediate'])
  console.log('  ' + entry(globalThis, k));
const timeout = setTimeout(() => {}, 0), immediate = setImmediate(() => {});
show('Timeout.prototype', Object.getPrototypeOf(timeout), ['constructor', 'refresh', 'unref',
  'ref', 'hasRef']);
show('Immediate.prototype', Object.getPrototypeOf(immediate), ['constructor', 'ref', 'unref',
  'hasRef']);

show('console', console, ['log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert',
  'clear', 'count', 'countReset', 'group', 'groupEnd', 'table', 'debug', 'info', 'dirxml',
  'error', 'groupCollapsed', tag]);
show('process', process, ['version', 'versions', 'arch', 'platform', 'uptime', 'exit', 'hrtime',
  'nextTick', 'env', 'title', 'argv', 'pid', 'ppid', 'execPath']);
const EventEmitter = require('events');
show("require('events')", EventEmitter, ['length', 'name', 'prototype', 'EventEmitter']);
show('EventEmitter.prototype', EventEmitter.prototype, ['constructor', 'emit', 'addListener',
  'on', 'once', 'removeListener', 'off', 'listenerCount']);
console.log('  process is an EventEmitter:', process instanceof EventEmitter,
  process.on === EventEmitter.prototype.on);
show("require('path')", require('path'), ['resolve', 'normalize', 'isAbsolute', 'join',
  'dirname', 'basename', 'extname', 'sep', 'delimiter', 'posix']);
show("require('fs')", require('fs'), ['readFile', 'readFileSync']);
show("require('util')", require('util'), ['format', 'formatWithOptions', 'inspect']);
show('util.inspect', require('util').inspect, ['length', 'name', 'custom', 'defaultOptions']);
const http = require('http');
show("require('http')", http, ['createServer']);
const server = http.createServer(() => {});
console.log('server'); /* Node's listen and address are anonymous functions */
for (const k of ['listen', 'address']) { /* on Server.prototype or further up the chain */
  let holder = Object.getPrototypeOf(server);
  while (!Object.getOwnPropertyDescriptor(holder, k)) holder = Object.getPrototypeOf(holder);
  const text = entry(holder, k);
  console.log('  ' + text.slice(0, text.indexOf('"')) + 'f' + text.slice(text.lastIndexOf('"') + 1));
}
console.log('  a server is an EventEmitter:', server instanceof EventEmitter);
