// createHash and createHmac for md5, sha1, sha224, sha256, sha384 and sha512, on the
// lengths around their block boundaries (the padding's cases), in pieces and whole, with
// long and short HMAC keys, copy(), the output encodings, the stream form and node's
// errors.
const crypto = require('crypto');
const algorithms = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

// Deterministic bytes, so that node and tinynode hash the same input.
const data = Buffer.alloc(300);
for (let i = 0; i < data.length; i++) data[i] = (i * 131 + 7) & 0xff;

for (const alg of algorithms) {
  const all = crypto.createHash(alg);
  // Where the padding changes: the length field fits after 55 (64-byte blocks) or 111
  // (128-byte blocks) bytes of a block, or moves to one more block.
  for (const n of [0, 1, 2, 3, 54, 55, 56, 57, 63, 64, 65, 110, 111, 112, 113, 118, 119, 120,
    127, 128, 129, 239, 240, 255, 256, 257]) {
    const whole = crypto.createHash(alg).update(data.subarray(0, n)).digest('hex');
    const pieces = crypto.createHash(alg);
    for (let i = 0; i < n; i += 37) pieces.update(data.subarray(i, Math.min(n, i + 37)));
    if (pieces.digest('hex') !== whole) console.log(alg, n, 'pieces differ');
    all.update(whole);
  }
  console.log(alg, all.digest('base64'));
  console.log(alg, 'abc', crypto.createHash(alg.toUpperCase()).update('abc').digest('hex'));
}

for (const alg of algorithms) {
  for (const key of ['', 'key', 'k'.repeat(64), 'k'.repeat(65), 'k'.repeat(200)]) {
    console.log('hmac', alg, key.length, crypto.createHmac(alg, key).update('The quick brown fox').digest('hex'));
  }
}
console.log('hmac key as Buffer', crypto.createHmac('sha256', Buffer.from([1, 2, 3])).update('x').digest('base64url'));

const h = crypto.createHash('sha256').update('hello ');
const copy = h.copy();
console.log(h.update('world').digest('hex'));
console.log(copy.update('there').digest('latin1').length, copy instanceof crypto.Hash);
console.log(crypto.createHash('md5').update('héllo').digest('hex'), crypto.createHash('md5').update('héllo', 'latin1').digest('hex'));
console.log(crypto.createHash('sha1').update('6869', 'hex').digest(), crypto.createHash('sha1').update(new Uint16Array([1, 2])).digest('base64'));

function attempt(what, f) {
  try {
    console.log(what, f());
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
}
attempt('unknown', () => crypto.createHash('nope'));
attempt('no algorithm', () => crypto.createHash());
attempt('bad data', () => crypto.createHash('sha1').update(5));
const done = crypto.createHash('sha1');
done.digest();
attempt('digest again', () => done.digest());
attempt('update after digest', () => done.update('x'));
attempt('copy after digest', () => done.copy());
const mac = crypto.createHmac('sha1', 'k');
mac.digest();
attempt('hmac digest again', () => mac.digest('hex'));
attempt('hmac without key', () => crypto.createHmac('sha256'));

const stream = crypto.createHash('sha256');
stream.on('data', (d) => console.log('stream digest', d.toString('hex')));
stream.write('hello ');
stream.end('world');
console.log(stream instanceof require('stream').Transform);
const lazy = crypto.createHash('sha1');
console.log(Object.keys(lazy).join()); // the stream's state is made on first use
lazy.on('readable', () => {
  const d = lazy.read();
  if (d) console.log('readable', d.toString('hex'));
});
lazy.end('abc');
const piped = crypto.createHmac('md5', 'k');
require('stream').Readable.from(['a', 'b', 'c']).pipe(piped).on('data', (d) => console.log('piped', d.toString('hex')));
