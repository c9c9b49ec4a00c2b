// Buffer.from in every encoding and from every kind of source, Buffer.alloc and friends, and their errors.
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const text = 'héllo wörld €𝄞';
for (const enc of ['utf8', 'utf-8', 'UTF8', 'utf16le', 'ucs2', 'ucs-2', 'utf-16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex']) {
  const b = Buffer.from(text, enc);
  console.log(enc, b, JSON.stringify(b.toString(enc)), Buffer.byteLength(text, enc));
}
for (const s of ['aGVsbG8=', 'aGVsbG8', 'aGV sbG8=', 'aG=VsbG8', 'a', 'ab', 'abc', '-_-_', '+/+/', '====', 'Y Q = = x', 'ab$cd=ef'])
  console.log('base64', JSON.stringify(s), Buffer.from(s, 'base64'), Buffer.byteLength(s, 'base64'));
for (const s of ['0011ff', '0011f', 'abzz12', 'ZZ', '', 'AbCdEf'])
  console.log('hex', JSON.stringify(s), Buffer.from(s, 'hex'));
console.log(Buffer.from([1, 2, 3, 256, -1, 1.9, 'x', '7']), Buffer.from({ length: 3, 0: 9 }), Buffer.from({ length: 'x' }));
console.log(Buffer.from(new Uint16Array([1, 258])), Buffer.from({ type: 'Buffer', data: [5, 6] }));
const ab = new ArrayBuffer(8);
const view = Buffer.from(ab, 2, 4);
view[0] = 42;
console.log(new Uint8Array(ab), view.byteOffset, view.length, view.buffer === ab, Buffer.from(ab).length);
console.log(Buffer.from(ab, 6), Buffer.from(ab, '1', '2').length, Buffer.from(ab, NaN, -1).length);
show('offset past end', () => Buffer.from(ab, 9));
show('length past end', () => Buffer.from(ab, 2, 7));
const copy = Buffer.from(view);
copy[1] = 7;
console.log(copy, view, copy.buffer === view.buffer);
console.log(Buffer.from(new String('abc')), Buffer.from({ valueOf() { return 'xyz'; } }), Buffer.from({ [Symbol.toPrimitive]() { return 'tp'; } }));
console.log(Buffer.from('', 'hex'), Buffer.from('abc', ''), Buffer.from('abc', null));
show('number', () => Buffer.from(5));
show('null', () => Buffer.from(null));
show('symbol', () => Buffer.from(Symbol('s')));
show('function', () => Buffer.from(() => 1));
show('unknown encoding', () => Buffer.from('x', 'utf9'));
show('unknown encoding empty', () => Buffer.from('', 'nope'));
console.log(Buffer.alloc(4), Buffer.alloc(5, 'ab'), Buffer.alloc(5, 0x101), Buffer.alloc(6, 'aGk=', 'base64'), Buffer.alloc(3, Buffer.from([7, 8])), Buffer.alloc(0, 'x'));
console.log(Buffer.allocUnsafe(3).length, Buffer.allocUnsafeSlow(3).length, Buffer.allocUnsafeSlow(3).buffer.byteLength);
show('alloc -1', () => Buffer.alloc(-1));
show('alloc str', () => Buffer.alloc('5'));
show('alloc NaN', () => Buffer.allocUnsafe(NaN));
show('alloc huge', () => Buffer.allocUnsafeSlow(2 ** 33));
show('alloc bad fill', () => Buffer.alloc(3, 'zz', 'hex'));
show('alloc bad enc', () => Buffer.alloc(3, 'a', 'bogus'));
console.log(Buffer.of(1, 2, 300), Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
console.log(Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'));
console.log(['utf8', 'UTF-8', 'hex', 'Base64', 'base64url', 'binary', 'latin1', 'ucs2', 'utf16le', 'ascii', 'utf9', '', null, 1].map((e) => Buffer.isEncoding(e)).join());
console.log(Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength('abc', 'nope'), Buffer.byteLength(''));
show('byteLength', () => Buffer.byteLength(5));
console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('d')]), Buffer.concat([]), Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([Buffer.from('a')], 3));
show('concat not array', () => Buffer.concat('x'));
show('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
show('concat bad length', () => Buffer.concat([Buffer.from('a')], -1));
const { kMaxLength, constants, kStringMaxLength, INSPECT_MAX_BYTES, SlowBuffer } = require('buffer');
console.log(kMaxLength, constants, kStringMaxLength, INSPECT_MAX_BYTES, typeof SlowBuffer, require('buffer').Buffer === Buffer, require('node:buffer').Buffer === Buffer);
console.log(Buffer.poolSize, Buffer.name, Buffer.length, Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.prototype.constructor === Buffer);
console.log(Buffer.from('x').constructor.name, Buffer.from('abc').map((x) => x + 1), Buffer.from('abc').filter((x) => x > 97) instanceof Buffer);
show('new Buffer', () => new Buffer(2));
show('Buffer str', () => Buffer('ab'));
