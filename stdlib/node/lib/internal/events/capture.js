'use strict';
// internal/events/capture: captureRejections, loaded the first time a capturing emitter's
// listener returns something. Book: chapter 8, "The event loop" ("Listeners that return
// promises").
//
// events.c's emit calls addCatch(emitter, result, name, args, kCapture) when a listener
// returned a value other than undefined or null and emitter[kCapture] is set. If that
// value is a thenable, its rejection is routed, on a later tick, to
// emitter[Symbol.for('nodejs.rejection')](err, name, ...args) when there is one, else to
// emitter.emit('error', err) with capturing switched off, so that a rejecting 'error'
// listener cannot loop.

const kRejection = Symbol.for('nodejs.rejection');

function addCatch(emitter, result, name, args, kCapture) {
  try {
    const then = result.then; // read once: a getter may throw, or change its answer
    if (typeof then === 'function') {
      then.call(result, undefined, (err) => {
        // a tick later, so that a rejection thrown from here is not this promise's
        process.nextTick(routeRejection, emitter, err, name, args, kCapture);
      });
    }
  } catch (err) {
    emitter.emit('error', err);
  }
}

function routeRejection(emitter, err, name, args, kCapture) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, name, ...args);
    return;
  }
  const previous = emitter[kCapture];
  try {
    emitter[kCapture] = false; // an 'error' listener's own rejection stays unhandled
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = previous;
  }
}

module.exports = { addCatch, kRejection };
