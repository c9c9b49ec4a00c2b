// zlib.crc32 (strings as UTF-8, any view, a running value) and zlib's constants and
// class names, which packages such as express's `destroy` read when they load.
// (tinynode has no compressor: creating a stream throws, which node cannot check.)
const zlib = require('zlib');
console.log(zlib.crc32('hello'), zlib.crc32(''), zlib.crc32('héllo wörld'));
console.log(zlib.crc32(Buffer.from('hello world')), zlib.crc32('world', zlib.crc32('hello ')));
console.log(zlib.crc32(new Uint16Array([1, 2, 3])), zlib.crc32(Buffer.alloc(1000, 0xab)));
for (const bad of [[1], [5], ['x', 'y']]) {
  try {
    zlib.crc32(...bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(zlib.constants.Z_BEST_COMPRESSION, zlib.constants.Z_SYNC_FLUSH, zlib.constants.Z_DEFAULT_CHUNK);
console.log(zlib.codes.Z_DATA_ERROR, zlib.codes['-3'], Object.isFrozen(zlib.constants));
console.log(['Gzip', 'Gunzip', 'Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Unzip'].map((n) => typeof zlib[n]));
console.log({} instanceof zlib.Gzip, typeof zlib.createGzip, typeof zlib.gunzipSync);
