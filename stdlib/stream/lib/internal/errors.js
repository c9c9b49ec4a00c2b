'use strict';
// internal/errors: the few node error codes the streams and readline throw, shaped by
// the C side (stdlib/node/validate.c: node_error_new) so that stack, code and message
// read as node's: "Error [ERR_STREAM_PUSH_AFTER_EOF]: stream.push() after EOF".
// Book: chapter 8, "Streams". Entry points: codes.ERR_X(...args) makes an error;
// argType/argValue are ERR_INVALID_ARG_TYPE/VALUE with node's description of the value.

const binding = require('internal/validators');

// code -> [kind, message maker]; kinds: 0 Error, 1 TypeError, 2 RangeError.
const table = {
  ERR_BUFFER_OUT_OF_BOUNDS: [2, (n) => (n ? `"${n}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds')],
  ERR_ENCODING_INVALID_ENCODED_DATA: [1, (e) => `The encoded data was not valid for encoding ${e}`],
  ERR_ENCODING_NOT_SUPPORTED: [2, (e) => `The "${e}" encoding is not supported`],
  ERR_INVALID_BUFFER_SIZE: [2, (s) => `Buffer size must be a multiple of ${s}`],
  ERR_INVALID_THIS: [1, (t) => `Value of "this" must be of type ${t}`],
  ERR_METHOD_NOT_IMPLEMENTED: [0, (m) => `The ${m} method is not implemented`],
  ERR_MISSING_ARGS: [1, (...names) => `The ${listNames(names.map((n) => `"${n}"`))} argument${names.length > 1 ? 's' : ''} must be specified`],
  ERR_MULTIPLE_CALLBACK: [0, () => 'Callback called multiple times'],
  ERR_OUT_OF_RANGE: [2, (n, r, v) => `The value of "${n}" is out of range. It must be ${r}. Received ${v}`],
  ERR_STREAM_ALREADY_FINISHED: [0, (m) => `Cannot call ${m} after a stream was finished`],
  ERR_STREAM_CANNOT_PIPE: [0, () => 'Cannot pipe, not readable'],
  ERR_STREAM_DESTROYED: [0, (m) => `Cannot call ${m} after a stream was destroyed`],
  ERR_STREAM_NULL_VALUES: [1, () => 'May not write null values to stream'],
  ERR_STREAM_PREMATURE_CLOSE: [0, () => 'Premature close'],
  ERR_STREAM_PUSH_AFTER_EOF: [0, () => 'stream.push() after EOF'],
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: [0, () => 'stream.unshift() after end event'],
  ERR_STREAM_WRITE_AFTER_END: [0, () => 'write after end'],
  ERR_UNKNOWN_ENCODING: [1, (e) => `Unknown encoding: ${e}`],
  ERR_USE_AFTER_CLOSE: [0, (w) => `${w} was closed`],
  ERR_TTY_INIT_FAILED: [2, () => 'TTY initialization failed'],
};

// "a", "a and b", "a, b, and c", as node lists names in a message.
function listNames(names) {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

// The stack starts where the library made the error, not in this file or in C.
function trimmed(error) {
  const lines = typeof error.stack === 'string' ? error.stack.split('\n') : [];
  const own = lines.findIndex((l) => l.includes('node:internal/errors:'));
  if (own > 0) error.stack = [lines[0], ...lines.slice(own + 1)].join('\n');
  return error;
}

const codes = {};
for (const code of Object.keys(table)) {
  const [kind, message] = table[code];
  codes[code] = (...args) => trimmed(binding.makeError(kind, code, message(...args)));
}

// ERR_INVALID_ARG_TYPE: expected as node words it ("of type function").
function argType(name, expected, value) {
  return trimmed(binding.argError(0, name, expected, value));
}

// ERR_INVALID_ARG_VALUE: reason (optional) as node words it ("is invalid").
function argValue(name, value, reason) {
  return trimmed(binding.argError(1, name, reason, value));
}

// ERR_OUT_OF_RANGE: range as node words it ("a negative integer").
function outOfRange(name, range, value) {
  return trimmed(binding.argError(2, name, range, value));
}

// How node's messages name a value ("type number (5)", "an instance of Object", "null"):
// the words after "Received " in an ERR_INVALID_ARG_TYPE about it.
function describe(value) {
  const prefix = 'The "v" argument must be of type v. Received ';
  return binding.argError(0, 'v', 'of type v', value).message.slice(prefix.length);
}

// Any other code: node's error of that kind (0 Error, 1 TypeError, 2 RangeError).
function makeError(kind, code, message) {
  return trimmed(binding.makeError(kind, code, message));
}

// node's SystemError: an error whose class is SystemError, with the system's side in
// `info` and the fields named by `keys` (errno, syscall, path...) also on the error, as
// accessors into info, which node's inspect shows with their values.
class SystemError extends Error {}
Object.defineProperty(SystemError.prototype, 'name', { value: 'SystemError', writable: true, configurable: true });
Object.defineProperty(SystemError.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value(depth, options, inspect) {
    return inspect(this, { ...options, getters: true, customInspect: false });
  },
  writable: true,
  configurable: true,
});

function systemError(code, message, info, keys) {
  const error = trimmed(binding.makeError(0, code, message));
  Object.setPrototypeOf(error, SystemError.prototype);
  if (typeof error.stack === 'string') error.stack = error.stack.replace(/^Error/, 'SystemError');
  error.info = info;
  for (const key of keys)
    Object.defineProperty(error, key, {
      get() { return info[key]; }, set(v) { info[key] = v; }, enumerable: true, configurable: true,
    });
  return error;
}

module.exports = { codes, argType, argValue, outOfRange, makeError, describe, systemError };
