'use strict';
// zlib: crc32, the constants, and the classes' names, so that a package which only
// mentions them (express's `destroy` tests `stream instanceof zlib.Gzip`) loads. tinynode
// has no compressor: making a stream or calling a (de)compression function throws.
// Book: chapter 11, "Files".

const errors = require('internal/errors');
const { Transform } = require('stream');

function notSupported(name) {
  return new Error(`zlib.${name} is not supported by tinynode (it has no compressor)`);
}

// The stream classes exist for instanceof; constructing one throws.
function streamClass(name) {
  const C = {
    [name]: class extends Transform {
      constructor() {
        throw notSupported(name);
      }
    },
  }[name];
  return C;
}

const classNames = ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip',
  'BrotliCompress', 'BrotliDecompress'];
const functionNames = ['deflate', 'gzip', 'deflateRaw', 'unzip', 'inflate', 'gunzip', 'inflateRaw',
  'brotliCompress', 'brotliDecompress'];

// CRC-32 (the polynomial 0xEDB88320, reflected), as zlib.crc32(data, value).
let table = null;
function crcTable() {
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

function crc32(data, value = 0) {
  if (typeof data === 'string') data = Buffer.from(data, 'utf8');
  else if (!ArrayBuffer.isView(data)) {
    throw errors.argType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  if (typeof value !== 'number') throw errors.argType('value', 'of type number', value);
  const t = table || crcTable();
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let c = ~value;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3,
  Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15,
  Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9,
  Z_DEFAULT_LEVEL: -1,
};

const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const [name, code] of Object.entries(codes)) codes[code] = name;

module.exports = { crc32 };
for (const name of classNames) module.exports[name] = streamClass(name);
for (const name of functionNames) {
  module.exports[name] = () => { throw notSupported(name); };
  module.exports[`${name}Sync`] = () => { throw notSupported(`${name}Sync`); };
}
for (const name of classNames) {
  module.exports[`create${name}`] = () => { throw notSupported(`create${name}`); };
}
Object.defineProperties(module.exports, {
  constants: { value: constants, enumerable: true, writable: false, configurable: false },
  codes: { value: Object.freeze(codes), enumerable: true, writable: false, configurable: false },
});
