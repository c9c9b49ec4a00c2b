'use strict';
// internal/buffer/numbers: Buffer's read* and write* methods for integers of 1 to 6 bytes
// and for floats, big- and little-endian, with node's checks and messages. One reader
// and one writer serve every integer width; floats go through a Float32Array and a
// Float64Array that share their bytes with a Uint8Array. Book: chapter 11, "Files".
// Entry point: install(Buffer.prototype, validateNumber).

const { codes, argType, outOfRange } = require('internal/errors');

let validateNumber;

// The error for an offset (or byteLength) that is not in [0 or 1, last].
function boundsError(value, last, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw outOfRange(type || 'offset', 'an integer', value);
  }
  if (last < 0) throw codes.ERR_BUFFER_OUT_OF_BOUNDS();
  throw outOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${last}`, value);
}

function checkBounds(buf, offset, size) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

function readInt(buf, offset, size, little, signed) {
  checkBounds(buf, offset, size);
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + buf[little ? offset + size - 1 - i : offset + i];
  const top = 2 ** (8 * size - 1);
  return signed && value >= top ? value - 2 * top : value;
}

// The range node names for a width's values: exact below 4 bytes, as powers above.
function rangeText(size, signed, min, max) {
  if (size <= 4) return `>= ${min} and <= ${max}`;
  const bits = size * 8;
  return signed ? `>= -(2 ** ${bits - 1}) and < 2 ** ${bits - 1}` : `>= 0 and < 2 ** ${bits}`;
}

function writeInt(buf, value, offset, size, little, signed) {
  value = +value;
  const max = signed ? 2 ** (8 * size - 1) - 1 : 2 ** (8 * size) - 1, min = signed ? -max - 1 : 0;
  if (size === 1) validateNumber(offset, 'offset');
  if (value > max || value < min) throw outOfRange('value', rangeText(size, signed, min, max), value);
  checkBounds(buf, offset, size);
  let v = Math.trunc(value);
  if (v !== v) v = 0;
  for (let i = 0; i < size; i++) {
    buf[little ? offset + i : offset + size - 1 - i] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + size;
}

const float32 = new Float32Array(1), float64 = new Float64Array(1);
const bytes32 = new Uint8Array(float32.buffer), bytes64 = new Uint8Array(float64.buffer);

function readFloat(buf, offset, size, little) {
  checkBounds(buf, offset, size);
  const bytes = size === 4 ? bytes32 : bytes64;
  for (let i = 0; i < size; i++) bytes[little ? i : size - 1 - i] = buf[offset + i];
  return size === 4 ? float32[0] : float64[0];
}

function writeFloat(buf, value, offset, size, little) {
  value = +value;
  checkBounds(buf, offset, size);
  if (size === 4) float32[0] = value;
  else float64[0] = value;
  const bytes = size === 4 ? bytes32 : bytes64;
  for (let i = 0; i < size; i++) buf[offset + i] = bytes[little ? i : size - 1 - i];
  return offset + size;
}

function byteLengthError(byteLength) {
  boundsError(byteLength, 6, 'byteLength');
}

// Method names: [name, size, little, signed]; the Uint spellings are node's aliases.
const FIXED = [
  ['Int8', 1, true, true], ['UInt8', 1, true, false],
  ['Int16LE', 2, true, true], ['Int16BE', 2, false, true], ['UInt16LE', 2, true, false],
  ['UInt16BE', 2, false, false], ['Int32LE', 4, true, true], ['Int32BE', 4, false, true],
  ['UInt32LE', 4, true, false], ['UInt32BE', 4, false, false],
];

// readIntLE(offset, byteLength) and the like: [suffix, little, signed].
const VARIABLE = [
  ['IntLE', true, true], ['IntBE', false, true], ['UIntLE', true, false], ['UIntBE', false, false],
];

function goodWidth(byteLength) {
  return byteLength >= 1 && byteLength <= 6 && byteLength % 1 === 0;
}

function named(name, fn) {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

function install(proto, validate) {
  validateNumber = validate;
  for (const [suffix, size, little, signed] of FIXED) {
    const read = named(`read${suffix}`, function (offset = 0) {
      return readInt(this, offset, size, little, signed);
    });
    const write = named(`write${suffix}`, function (value, offset = 0) {
      return writeInt(this, value, offset, size, little, signed);
    });
    proto[`read${suffix}`] = proto[`read${suffix.replace('UInt', 'Uint')}`] = read;
    proto[`write${suffix}`] = proto[`write${suffix.replace('UInt', 'Uint')}`] = write;
  }
  for (const [suffix, little, signed] of VARIABLE) {
    const read = named(`read${suffix}`, function (offset, byteLength) {
      if (offset === undefined) throw argType('offset', 'of type number', offset);
      if (!goodWidth(byteLength)) byteLengthError(byteLength);
      return readInt(this, offset, byteLength, little, signed);
    });
    const write = named(`write${suffix}`, function (value, offset, byteLength) {
      if (!goodWidth(byteLength)) byteLengthError(byteLength);
      return writeInt(this, value, offset, byteLength, little, signed);
    });
    proto[`read${suffix}`] = proto[`read${suffix.replace('UInt', 'Uint')}`] = read;
    proto[`write${suffix}`] = proto[`write${suffix.replace('UInt', 'Uint')}`] = write;
  }
  for (const [suffix, size] of [['Float', 4], ['Double', 8]]) {
    for (const [end, little] of [['LE', true], ['BE', false]]) {
      proto[`read${suffix}${end}`] = named(`read${suffix}${end}`, function (offset = 0) {
        return readFloat(this, offset, size, little);
      });
      proto[`write${suffix}${end}`] = named(`write${suffix}${end}`, function (value, offset = 0) {
        return writeFloat(this, value, offset, size, little);
      });
    }
  }
}

module.exports = { install };
