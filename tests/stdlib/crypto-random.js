// Random bytes: randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues
// and globalThis.crypto; their shapes, ranges and node's errors (the values vary, so
// only their properties are printed), and timingSafeEqual.
const crypto = require('crypto');

function attempt(what, f) {
  try {
    console.log(what, f());
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
}

const b = crypto.randomBytes(32);
console.log(Buffer.isBuffer(b), b.length, crypto.randomBytes(0).length);
let seen = new Set();
for (let i = 0; i < 64; i++) seen.add(crypto.randomBytes(8).toString('hex'));
console.log('64 draws of 8 bytes, distinct:', seen.size);
crypto.randomBytes(4, (err, buf) => console.log('randomBytes callback', err, buf.length));
attempt('randomBytes(-1)', () => crypto.randomBytes(-1));
attempt('randomBytes("1")', () => crypto.randomBytes('1'));
attempt('randomBytes(1.5)', () => crypto.randomBytes(1.5).length);
attempt('randomBytes(1, 2)', () => crypto.randomBytes(1, 2));

const z = Buffer.alloc(8);
crypto.randomFillSync(z, 6);
console.log('randomFillSync leaves the head', z[0], z[1], z[2], z[3], z[4], z[5]);
attempt('randomFillSync offset past the end', () => crypto.randomFillSync(Buffer.alloc(4), 5));
attempt('randomFillSync size too large', () => crypto.randomFillSync(Buffer.alloc(4), 1, 4));
attempt('randomFillSync of a string', () => crypto.randomFillSync('abc'));
console.log(crypto.randomFillSync(new Uint32Array(4)).length, crypto.randomFillSync(new ArrayBuffer(3)).byteLength);
crypto.randomFill(Buffer.alloc(4), (err, buf) => console.log('randomFill callback', err, buf.length));

const ints = new Set();
for (let i = 0; i < 300; i++) {
  const n = crypto.randomInt(3, 8);
  if (n < 3 || n >= 8 || !Number.isInteger(n)) console.log('out of range', n);
  ints.add(n);
}
console.log('randomInt(3, 8) gives', [...ints].sort());
console.log(crypto.randomInt(1) === 0);
crypto.randomInt(10, (err, n) => console.log('randomInt callback', err, n >= 0 && n < 10));
attempt('randomInt(5, 3)', () => crypto.randomInt(5, 3));
attempt('randomInt("5")', () => crypto.randomInt('5'));
attempt('randomInt(0, 2 ** 49)', () => crypto.randomInt(0, 2 ** 49));

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
console.log('randomUUID', uuid.test(crypto.randomUUID()), crypto.randomUUID() !== crypto.randomUUID());
attempt('randomUUID(1)', () => crypto.randomUUID(1));

console.log(crypto.getRandomValues(new Uint8Array(16)).length, crypto.getRandomValues(new Int32Array(3)).length);
attempt('getRandomValues(Float64Array)', () => crypto.getRandomValues(new Float64Array(2)));
attempt('getRandomValues(65537 bytes)', () => crypto.getRandomValues(new Uint8Array(65537)));
console.log(typeof globalThis.crypto, globalThis.crypto === crypto.webcrypto,
  uuid.test(globalThis.crypto.randomUUID()), globalThis.crypto.getRandomValues(new Uint16Array(2)).length);

console.log(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')),
  crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
attempt('timingSafeEqual lengths', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
attempt('timingSafeEqual of a string', () => crypto.timingSafeEqual('a', Buffer.from('a')));
