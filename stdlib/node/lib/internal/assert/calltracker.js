'use strict';
// internal/assert/calltracker: assert.CallTracker (deprecated in node 20, DEP0173, but
// there): functions that count their calls, and verify() that each was called as often
// as expected. Book: chapter 10, "Console and inspect" ("assert").
//
// The API, as node documents it:
//   new assert.CallTracker()   a tracker (util.deprecate's wrapper, named 'deprecated')
//   tracker.calls([fn][, exactly=1])
//                              a wrapper that calls fn (a Proxy of it: fn's name and
//                              length) and counts the calls; fn defaults to a no-op
//   tracker.getCalls(fn)       [{ thisArg, arguments }, ...], each frozen
//   tracker.report()           one entry per wrapper called the wrong number of times:
//                              { message, actual, expected, operator, stack }
//   tracker.reset([fn])        forget the calls of one wrapper (or of all)
//   tracker.verify()           throws an AssertionError for the wrappers report() lists,
//                              with each listed in its "message i", "actual i", ...

const { argType, argValue, outOfRange } = require('internal/errors');

const noop = Function.prototype; // name '' and length 0, like node's

// One tracked function: its calls, in order, each frozen as node freezes them.
class CallTrackerContext {
  #expected;
  #calls = [];
  #name;
  #stackTrace;

  constructor(expected, name, stackTrace) {
    this.#expected = expected;
    this.#name = name;
    this.#stackTrace = stackTrace;
  }

  // Each call is kept as node keeps it, frozen, with a copy of its arguments.
  track(thisArg, args) {
    this.#calls.push(Object.freeze({ thisArg, arguments: Object.freeze([...args]) }));
  }

  // How many calls more (positive) or fewer (negative) than expected so far.
  get delta() {
    return this.#calls.length - this.#expected;
  }

  // tracker.reset(fn): the calls so far are forgotten; the expected count stays, so a
  // wrapper reset and not called again is reported.
  reset() {
    this.#calls = [];
  }

  getCalls() {
    return [...this.#calls];
  }

  // The entry of tracker.report() for this wrapper, or undefined when the count is
  // right. operator is the function's name ('calls' for an anonymous one) and stack the
  // Error made when the wrapper was, so that a report points at the calls() line.
  report() {
    if (this.delta === 0) return undefined;
    return {
      message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) ` +
        `but was executed ${this.#calls.length} time(s).`,
      actual: this.#calls.length,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

// validateUint32(value, name, positive): node's checks and messages.
function validateExpected(value) {
  if (typeof value !== 'number') throw argType('expected', 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange('expected', 'an integer', value);
  if (value < 1 || value > 4294967295) throw outOfRange('expected', '>= 1 && <= 4294967295', value);
}

class CallTracker {
  // Every context this tracker made, in order (report() lists them in that order), and
  // the wrapper -> context map that getCalls and reset look wrappers up in (weak, so a
  // dropped wrapper goes; its context stays listed, as in node).
  #callChecks = new Set();
  #trackedFunctions = new WeakMap();

  // A function calls() did not return is node's ERR_INVALID_ARG_VALUE.
  #context(tracked) {
    const context = this.#trackedFunctions.get(tracked);
    if (!context) throw argValue('tracked', tracked, 'is not a tracked function');
    return context;
  }

  reset(tracked) {
    if (tracked === undefined) {
      for (const context of this.#callChecks) context.reset();
      return;
    }
    this.#context(tracked).reset();
  }

  getCalls(tracked) {
    return this.#context(tracked).getCalls();
  }

  // calls([fn][, expected]): a function that calls fn (a Proxy of it, so its name and
  // length are fn's) and counts each call.
  calls(fn, expected = 1) {
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateExpected(expected);
    const context = new CallTrackerContext(expected, fn.name || 'calls', new Error());
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        context.track(thisArg, args);
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#callChecks.add(context);
    this.#trackedFunctions.set(tracked, context);
    return tracked;
  }

  // One entry per wrapper whose count is wrong, in the order the wrappers were made.
  report() {
    const errors = [];
    for (const context of this.#callChecks) {
      const message = context.report();
      if (message !== undefined) errors.push(message);
    }
    return errors;
  }

  // One wrong count: its own message; more: node's summary, each in the details.
  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const { AssertionError } = require('assert');
    const message = errors.length === 1 ? errors[0].message
      : 'Functions were not called the expected number of times';
    // An uncaught report quotes the line that threw: this one is line 146, as in node's
    // own lib/internal/assert/calltracker.js (the header above pads it there).
    throw new AssertionError({
      message,
      details: errors,
    });
  }
}

module.exports = require('util').deprecate(CallTracker, 'assert.CallTracker is deprecated.', 'DEP0173');
