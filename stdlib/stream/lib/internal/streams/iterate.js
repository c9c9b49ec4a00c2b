'use strict';
// internal/streams/iterate: for await (const chunk of readable). An async generator
// that reads in paused mode, waits for 'readable' (or the end) when the buffer is empty,
// and destroys the stream when the loop is left early (break, throw, return).
// Book: chapter 8, "Streams".

const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');

function nop() {}

async function* iterate(stream, options) {
  let wake = nop;
  function next(resolve) {
    if (this === stream) {
      wake();
      wake = nop;
    } else {
      wake = resolve;
    }
  }
  stream.on('readable', next);
  let error; // undefined: still going; null: ended; else the error
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? (error || err) : null;
    wake();
    wake = nop;
  });
  try {
    for (;;) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) yield chunk;
      else if (error) throw error;
      else if (error === null) return;
      else await new Promise(next);
    }
  } catch (err) {
    error = error || err;
    throw error;
  } finally {
    if ((error || !options || options.destroyOnReturn !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

module.exports = iterate;
