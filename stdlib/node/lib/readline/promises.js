'use strict';
// readline/promises: the Interface whose question() returns a promise.
// Book: chapter 8, "Streams".

const rl = require('internal/readline/interface');
const { codes } = require('internal/errors');

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  rl.Interface.call(this, input, output, completer, terminal);
  this[rl.kAwaitCompleter] = true; // its answer (or a promise of it) is awaited
}
Object.setPrototypeOf(Interface.prototype, rl.Interface.prototype);
Object.setPrototypeOf(Interface, rl.Interface);

const question = rl.Interface.prototype.question;
Interface.prototype.question = function (query, options) {
  return new Promise((resolve, reject) => {
    if (this.closed) return reject(codes.ERR_USE_AFTER_CLOSE('readline'));
    question.call(this, query, resolve);
  });
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, createInterface };
