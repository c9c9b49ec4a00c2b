// Buffer, atob, btoa, TextEncoder and TextDecoder are lazy globals with node's descriptors, before and after first use and assignment; the pool.
const names = ['Buffer', 'atob', 'btoa', 'TextEncoder', 'TextDecoder'];
const describe = (n) => {
  const d = Object.getOwnPropertyDescriptor(globalThis, n);
  return `${n}: ${Object.keys(d).join(',')} ${d.enumerable} ${d.configurable} ${d.get ? d.get.name : typeof d.value}`;
};
console.log(names.map(describe).join('\n'));
console.log(Object.keys(globalThis).filter((k) => names.includes(k)));
console.log(typeof Buffer, typeof atob, typeof btoa, typeof TextEncoder, typeof TextDecoder);
console.log(names.map(describe).join('\n'));
const B = Buffer;
globalThis.Buffer = 5;
atob = 6;
globalThis.TextEncoder = 7;
console.log(Buffer, atob, TextEncoder, names.map(describe).join('\n'));
Buffer = B;
console.log(require('buffer').Buffer === Buffer, require('util').TextDecoder === TextDecoder, require('buffer').btoa === btoa);
// The pool: small buffers share one 8 KiB ArrayBuffer, 8-byte aligned; large ones have their own.
const a = Buffer.from('x'), b = Buffer.allocUnsafe(3), c = Buffer.from([1, 2]), d = Buffer.alloc(3);
console.log(a.buffer === b.buffer, b.buffer === c.buffer, a.buffer.byteLength, b.byteOffset - a.byteOffset, c.byteOffset - b.byteOffset, d.buffer === a.buffer, d.buffer.byteLength);
const big = Buffer.allocUnsafe(4096), bigger = Buffer.from('y'.repeat(5000));
console.log(big.buffer === a.buffer, big.buffer.byteLength, bigger.buffer.byteLength, Buffer.allocUnsafe(4095).buffer.byteLength);
console.log(Buffer.allocUnsafeSlow(3).buffer.byteLength, Buffer.from('abc').subarray(1).buffer.byteLength, Buffer.concat([a, b]).buffer.byteLength);
