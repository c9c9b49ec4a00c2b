'use strict';
// readline: line-by-line input (createInterface, Interface, question with a callback)
// and the cursor helpers. Book: chapter 8, "Streams".

const rl = require('internal/readline/interface');

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  rl.Interface.call(this, input, output, completer, terminal);
  const given = this.completer; // answers through a callback, as node's wrapper makes it
  if (typeof given === 'function' && given.length !== 2) this.completer = (v, cb) => cb(null, given(v));
}
Object.setPrototypeOf(Interface.prototype, rl.Interface.prototype);
Object.setPrototypeOf(Interface, rl.Interface);

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine: rl.clearLine,
  clearScreenDown: rl.clearScreenDown,
  createInterface,
  cursorTo: rl.cursorTo,
  emitKeypressEvents: rl.emitKeypressEvents,
  moveCursor: rl.moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    return require('readline/promises');
  },
});
