'use strict';
// internal/streams/duplexpair: stream.duplexPair(options), two Duplexes joined back to
// back: what is written to one is read from the other. A write is pushed into the other
// side's readable buffer, and its callback waits until that side asks for more (_read),
// so a slow reader holds the writer back. Ending one side ends the other's reading.
// Book: chapter 8, "Streams".

const Duplex = require('internal/streams/duplex');

class DuplexSide extends Duplex {
  #peer = null;
  #pending = null; // the callback of the write the peer has not taken yet

  static join(a, b) {
    a.#peer = b;
    b.#peer = a;
  }

  _read() {
    const cb = this.#pending;
    this.#pending = null;
    if (cb) cb();
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
      return;
    }
    this.#peer.push(chunk);
    this.#peer.#pending = callback;
  }

  _final(callback) {
    this.#peer.on('end', callback);
    this.#peer.push(null);
  }
}

function duplexPair(options) {
  const sides = [new DuplexSide(options), new DuplexSide(options)];
  DuplexSide.join(sides[0], sides[1]);
  return sides;
}

module.exports = duplexPair;
