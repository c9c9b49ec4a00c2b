'use strict';
// internal/streams/state: the highWaterMark rules both sides share (16 KiB of bytes or
// 16 objects by default). Book: chapter 8, "Streams".

const { argValue } = require('internal/errors');

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? 16 : 16 * 1024;
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

module.exports = { getHighWaterMark, getDefaultHighWaterMark };
