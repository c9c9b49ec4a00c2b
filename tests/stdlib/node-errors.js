// node's argument errors: code, name and message for a table of bad calls to every module.
const fs = require('fs'), path = require('path'), EventEmitter = require('events');
const util = require('util');
function t(label, f) {
  try {
    f();
    console.log(label, '-> no error');
  } catch (e) {
    console.log(label, '->', e.name, e.code, JSON.stringify(e.message));
  }
}
const received = [undefined, null, 1, NaN, -0, Infinity, -1.5e-9, 1e21, false, true, Symbol('s'),
  Symbol(), {}, [1, 2], Object.create(null), new Date(0), /x/, function () {}, () => {},
  function foo() {}, class Bar {}, { constructor: { name: 'Fake' } }, { constructor: {} },
  new Map(), new Error('e'), new String('s'), 'abc', 'x'.repeat(30), 'a'.repeat(24) + "'b",
  "it's", 'x'.repeat(28), 'x'.repeat(29), 'a\nb', 'é😀'.repeat(10), 'a\'b"c\\'];
for (const v of received) t(typeof v, () => (typeof v === 'string' ? setTimeout(v) : path.join(v)));
t('getter throws', () => path.join({ get constructor() { throw new Error('boom'); } }));
t('constructor 5', () => path.join({ constructor: 5 }));

// fs: cb, then options and encoding, then path (NUL bytes too)
t('readFileSync NUL', () => fs.readFileSync('secret\0.txt'));
t('readFileSync long NUL', () => fs.readFileSync('x'.repeat(130) + '\0', 'utf8'));
t('readFileSync 1.5', () => fs.readFileSync(1.5, 'utf8'));
t('readFileSync none', () => fs.readFileSync());
t('readFileSync {}', () => fs.readFileSync({}, 'utf8'));
t('readFileSync fn', () => fs.readFileSync(function f() {}, 'utf8'));
t('readFileSync symbol', () => fs.readFileSync(Symbol('p')));
t('readFileSync null proto', () => fs.readFileSync(Object.create(null)));
t('readFileSync bad encoding', () => fs.readFileSync('node-errors.js', 'xx'));
t('readFileSync bad encoding obj', () => fs.readFileSync('node-errors.js', { encoding: 5 }));
t('readFileSync bad options', () => fs.readFileSync('node-errors.js', 5));
t('readFileSync options first', () => fs.readFileSync(1.5, 'zz'));
t('readFile no cb', () => fs.readFile('node-errors.js'));
t('readFile string cb', () => fs.readFile('node-errors.js', 'utf8'));
t('readFile cb first', () => fs.readFile(1.5, 'zz', 1));
t('readFile NUL', () => fs.readFile('a\0', () => {}));
t('readFile bad encoding', () => fs.readFile('a', 'bad', () => {}));
t('readFile bad options', () => fs.readFile(1.5, 7, () => {}));
t('readFile path', () => fs.readFile(1.5, 'utf8', () => {}));

// path
t('join', () => path.join('a', 'b', 1));
t('resolve', () => path.resolve('a', 1));
t('resolve stops at /', () => path.resolve(1, '/a'));
t('basename suffix', () => path.basename('a', null));
t('basename', () => path.basename(1));
t('dirname', () => path.dirname());
t('extname', () => path.extname({}));
t('normalize', () => path.normalize(null));
t('isAbsolute', () => path.isAbsolute(5));

// events: listeners, unhandled 'error', wrong receivers
const e = new EventEmitter();
t('on', () => e.on('x', 1));
t('on none', () => e.on('x'));
t('once', () => e.once('x', 'f'));
t('off', () => e.off('x', 1));
t('removeListener', () => e.removeListener('x', {}));
t('addListener', () => e.addListener('x', null));
t('emit error none', () => e.emit('error'));
t('emit error str', () => e.emit('error', 'str'));
t('emit error obj', () => e.emit('error', { a: 1 }));
try { e.emit('error', 42); } catch (err) { console.log(Object.keys(err), err.context); }
t('on.call(1)', () => EventEmitter.prototype.on.call(1, 'x', () => {}));
t('on.call(undefined)', () => EventEmitter.prototype.on.call(undefined, 'x', () => {}));
t('once.call(1)', () => EventEmitter.prototype.once.call(1, 'x', () => {}));
t('emit.call(null)', () => EventEmitter.prototype.emit.call(null, 'x'));
t('listenerCount.call(null)', () => EventEmitter.prototype.listenerCount.call(null, 'x'));
t('on frozen', () => EventEmitter.prototype.on.call(Object.freeze({}), 'x', () => {}));
t('EventEmitter.call(null)', () => EventEmitter.call(null));

// timers, process, util
t('setInterval', () => setInterval({}));
t('setImmediate', () => setImmediate('x'));
t('nextTick', () => process.nextTick());
t('hrtime 1', () => process.hrtime(1));
t('hrtime null', () => process.hrtime(null));
t('hrtime [1]', () => process.hrtime([1]));
t('hrtime [1,2,3]', () => process.hrtime([1, 2, 3]));
t('exit x', () => process.exit('x'));
t('exit empty', () => process.exit(''));
t('exit 1.5', () => process.exit(1.5));
t('exit "1.5"', () => process.exit('1.5'));
t('exit NaN', () => process.exit(NaN));
t('exit {}', () => process.exit({}));
t('write 1', () => process.stdout.write(1));
t('write none', () => process.stdout.write());
t('write null', () => process.stdout.write(null));
t('formatWithOptions 1', () => util.formatWithOptions(1));
t('formatWithOptions null', () => util.formatWithOptions(null, 'a'));
t('formatWithOptions fn', () => util.formatWithOptions(() => {}, 'a'));

// what a coded error looks like
try {
  path.join(1);
} catch (err) {
  console.log(Object.getOwnPropertyNames(err), Object.keys(err), err.name, err instanceof TypeError);
  console.log(err.stack.split('\n')[0]);
}

// node's per-code classes: toString names the code, constructor is the base class
try {
  setTimeout(1);
} catch (err) {
  const p = Object.getPrototypeOf(err);
  console.log(String(err), `${err}`, err.constructor === TypeError, p === TypeError.prototype);
  console.log(Object.getPrototypeOf(Object.getPrototypeOf(p)) === TypeError.prototype);
  console.log(Object.getOwnPropertyNames(p), Object.getOwnPropertyNames(Object.getPrototypeOf(p)));
  console.log(p.toString.call({ name: 'N', message: 'm' }), [err.toString.name, err.toString.length]);
  try {
    path.join(2);
  } catch (again) {
    console.log(Object.getPrototypeOf(again) === p);
  }
}
try {
  process.hrtime([]);
} catch (err) {
  console.log(String(err), err instanceof RangeError, err.constructor === RangeError);
}

// NUL characters are kept by path, not cut
console.log(JSON.stringify([path.join('a\0b', 'c'), path.basename('/x/a\0b.j\0s', '.j\0s'),
  path.dirname('/a\0/b'), path.extname('a.\0'), path.normalize('\0/../x'), path.resolve('/\0')]));
