'use strict';
// internal/util/style_text: util.styleText(format, text[, { validateStream, stream }]).
// Book: chapter 10, "Console and inspect" ("util.parseArgs and util.styleText").
//
// The text goes between the opening codes of each format, in order, and their closing
// codes, in reverse, as util.inspect.colors names them; unless the stream (stdout by
// default) would not be coloured, which is asked as console asks it. A format is
// checked even when no colour is added.

const { argType, makeError } = require('internal/errors');

// util.inspect.colors of node 20: name -> [open, close]; then its aliases, which node
// does not list in the error message.
const COLORS = {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25],
  inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24],
  black: [30, 39], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39],
  magenta: [35, 39], cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49],
  bgGreen: [42, 49], bgYellow: [43, 49], bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49],
  bgWhite: [47, 49], framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39],
  greenBright: [92, 39], yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39],
  cyanBright: [96, 39], whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49],
  bgGreenBright: [102, 49], bgYellowBright: [103, 49], bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49], bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
};
const ALIASES = {
  grey: 'gray', blackBright: 'gray', bgGrey: 'bgGray', bgBlackBright: 'bgGray', faint: 'dim',
  crossedout: 'strikethrough', strikeThrough: 'strikethrough', crossedOut: 'strikethrough',
  conceal: 'hidden', swapColors: 'inverse', swapcolors: 'inverse', doubleUnderline: 'doubleunderline',
};

const codesOf = (key) => {
  if (typeof key !== 'string') return undefined;
  if (Object.prototype.hasOwnProperty.call(COLORS, key)) return COLORS[key];
  return Object.prototype.hasOwnProperty.call(ALIASES, key) ? COLORS[ALIASES[key]] : undefined;
};

function badFormat(key) {
  const allowed = Object.keys(COLORS).map((k) => `'${k}'`).join(', ');
  const received = require('util').inspect(key);
  return makeError(1, 'ERR_INVALID_ARG_VALUE', `The argument 'format' must be one of: ${allowed}. Received ${received}`);
}

const isNodeStream = (s) =>
  s !== null && typeof s === 'object' &&
  !!(s._readableState || s._writableState || (typeof s.on === 'function' && (typeof s.write === 'function' || typeof s.pipe === 'function')));

// Would console colour its output to stream? FORCE_COLOR decides for every stream.
function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return require('tty').WriteStream.prototype.getColorDepth() > 2;
  return !!stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

function styleText(format, text, options = {}) {
  let validateStream = options.validateStream, stream = options.stream;
  if (validateStream === undefined) validateStream = true;
  if (stream === undefined) stream = process.stdout;
  if (typeof text !== 'string') throw argType('text', 'of type string', text);
  if (typeof validateStream !== 'boolean') throw argType('options.validateStream', 'of type boolean', validateStream);
  let skip = false;
  if (validateStream) {
    if (!isNodeStream(stream))
      throw argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
    skip = !shouldColorize(stream);
  }
  let left = '', right = '';
  for (const key of Array.isArray(format) ? format : [format]) {
    const codes = codesOf(key);
    if (codes === undefined) throw badFormat(key);
    left += `\u001b[${codes[0]}m`;
    right = `\u001b[${codes[1]}m${right}`;
  }
  // node 20's quirk: a list of formats is coloured whatever the stream
  return skip && !Array.isArray(format) ? text : `${left}${text}${right}`;
}

// util.inspect.colors (each name's codes, then the aliases as hidden accessors) and
// util.inspect.styles, node's tables; util.c puts them on util.inspect. inspect itself
// keeps its colours in C, so changing them changes nothing there.
function defineInspectTables(inspect) {
  const colors = { __proto__: null };
  for (const [name, codes] of Object.entries(COLORS)) colors[name] = [...codes];
  for (const [alias, name] of Object.entries(ALIASES)) {
    Object.defineProperty(colors, alias, {
      get() { return this[name]; }, set(value) { this[name] = value; }, configurable: true,
    });
  }
  const styles = {
    __proto__: null, special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow',
    undefined: 'grey', null: 'bold', string: 'green', symbol: 'green', date: 'magenta',
    regexp: 'red', module: 'underline',
  };
  Object.assign(inspect, { colors, styles });
}

module.exports = { styleText, defineInspectTables };
