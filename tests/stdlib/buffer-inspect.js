// How Buffers print: <Buffer ..>, truncation after 50 bytes, inside objects and arrays, extra properties, util.inspect options.
const util = require('util');
console.log(Buffer.from('hello'), Buffer.alloc(0), Buffer.alloc(50, 1), Buffer.alloc(51, 2), Buffer.alloc(1000, 3));
console.log([Buffer.from('a'), Buffer.from('b')], { a: Buffer.from('xyz'), nested: { deep: { deeper: Buffer.from('d') } } });
const e = Buffer.from('abc');
e.foo = 1;
e.bar = 'two';
console.log(e, [e]);
const z = Buffer.alloc(0);
z.only = true;
console.log(z);
Object.defineProperty(e, 'hidden', { value: 3, enumerable: false });
console.log(util.inspect(e), util.inspect(e, { showHidden: true }));
console.log(util.inspect(Buffer.from('hi'), { colors: true }), util.format('%s|%o|%j', Buffer.from('a'), Buffer.from('b'), Buffer.from('c')));
console.log(util.inspect({ b: Buffer.alloc(60) }, { breakLength: 40 }));
class MyBuf extends Buffer {}
console.log(Buffer.from('q').subarray(0), Object.prototype.toString.call(Buffer.alloc(1)), String(Buffer.from('str')), `${Buffer.from('tpl')}`, Buffer.from('x') + '');
console.log(util.types.isUint8Array(Buffer.alloc(1)), util.isDeepStrictEqual(Buffer.from('a'), Buffer.from('a')), util.isDeepStrictEqual(Buffer.from('a'), new Uint8Array([97])));
console.log(require('buffer').INSPECT_MAX_BYTES, Buffer.prototype.inspect.call(Buffer.from('p')));
console.log(Buffer);
