'use strict';
// internal/streams/state: the highWaterMark rules both sides share (16 KiB of bytes or
// 16 objects by default). Book: chapter 8, "Streams".

const { argType, argValue, outOfRange } = require('internal/errors');

let defaultBytes = 16 * 1024, defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

// stream.setDefaultHighWaterMark(objectMode, value): node's validateInteger(value, 'value', 0).
function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number') throw argType('value', 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange('value', 'an integer', value);
  if (value < 0 || value > Number.MAX_SAFE_INTEGER) throw outOfRange('value', '>= 0 && <= 9007199254740991', value);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

// options.highWaterMark, or for a Duplex options.readableHighWaterMark or
// options.writableHighWaterMark (duplexKey); node's ERR_INVALID_ARG_VALUE if not an
// integer >= 0.
function getHighWaterMark(options, duplexKey, isDuplex, objectMode) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[duplexKey];
  if (hwm == null) return getDefaultHighWaterMark(objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    throw argValue(isDuplex ? `options.${duplexKey}` : 'options.highWaterMark', hwm);
  }
  return Math.floor(hwm);
}

module.exports = { getHighWaterMark, getDefaultHighWaterMark, setDefaultHighWaterMark };
