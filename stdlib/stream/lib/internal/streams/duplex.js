'use strict';
// internal/streams/duplex: Duplex, both a Readable and a Writable (a socket). It
// inherits from Readable and borrows every Writable method; `allowHalfOpen: false` ends
// the writable side when the readable side ends. Book: chapter 8, "Streams".

const Stream = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  Writable.call(this, options);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}
Stream.Duplex = Duplex;
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const key of Object.getOwnPropertyNames(Writable.prototype)) {
  if (key in Duplex.prototype) continue; // Readable's pipe, on, destroyed... stay
  Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
}

// One destroy for both sides: Writable's (it also fails the queued writes).
Duplex.prototype.destroy = Writable.prototype.destroy;
Object.defineProperty(Duplex.prototype, 'destroyed', {
  get() {
    const r = this._readableState, w = this._writableState;
    if (r === undefined || w === undefined) return false;
    return r.destroyed && w.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
  configurable: true,
});

// Duplex.from(body): a Duplex made of a stream, an iterable, a promise, a function or a
// { readable, writable } pair (internal/streams/duplexify).
Duplex.from = function (body) {
  return require('internal/streams/duplexify')(body, 'body');
};

module.exports = Duplex;
