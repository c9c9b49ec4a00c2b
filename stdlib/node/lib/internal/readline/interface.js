'use strict';
// internal/readline/interface: the Interface behind readline and readline/promises.
// Book: chapter 8, "Streams" (readline on top of a Readable).
//
// Without a terminal it listens to the input's 'data', decodes UTF-8, cuts lines at
// \n, \r\n or \r (a \r\n split between two chunks counts once within crlfDelay ms) and
// emits 'line' for each; the input's 'end' gives the last unterminated line and closes.
// On a terminal (process.stdin and a TTY output) the REPL's line editor,
// runtime/lineedit.c, reads the keys instead: one implementation for both.

const EE = require('events');
const binding = require('internal/stdio');
const { Decoder } = require('internal/streams/chunks');
const { codes, argType, argValue } = require('internal/errors');

const kOnLine = Symbol('kOnLine');
const kNormalWrite = Symbol('kNormalWrite');
const kLineBuffer = Symbol('kLineBuffer');
const kSawReturnAt = Symbol('kSawReturnAt');
const kQuestionCallback = Symbol('kQuestionCallback');
const kOldPrompt = Symbol('kOldPrompt');
const kEditor = Symbol('kEditor');
const kPrompted = Symbol('kPrompted');
const kListeners = Symbol('kListeners');
const kDecoder = Symbol('kDecoder');
const kCompletion = Symbol('kCompletion'); // counts Tabs: an answer is for the latest
const kAwaitCompleter = Symbol('kAwaitCompleter'); // readline/promises: awaited

const LINE_ENDING = /\r?\n|\r(?!\n)/g;
let editorInUse = false; // the one line editor (fd 0) is lent to one interface at a time

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EE.call(this);
  let prompt = '> ', crlfDelay, historySize;
  if (input && input.input) { // createInterface(options)
    const o = input;
    output = o.output;
    completer = o.completer;
    terminal = o.terminal;
    historySize = o.historySize;
    if (o.prompt !== undefined) prompt = o.prompt;
    crlfDelay = o.crlfDelay;
    input = o.input;
  }
  if (completer !== undefined && typeof completer !== 'function') {
    throw argValue('completer', completer);
  }
  if (historySize === undefined) historySize = 30;
  if (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0) {
    throw codes.ERR_OUT_OF_RANGE('historySize', 'a non-negative number', historySize);
  }
  if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
  this.output = output;
  this.input = input;
  this.historySize = historySize;
  this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
  this.completer = completer;
  this._prompt = String(prompt);
  this.terminal = !!terminal;
  this.line = '';
  this.cursor = 0;
  this.history = [];
  this.closed = false;
  this.paused = false;
  this[kLineBuffer] = null;
  this[kSawReturnAt] = 0;
  this[kQuestionCallback] = null;
  this[kDecoder] = new Decoder('utf8');
  this[kCompletion] = 0;
  if (!(this.terminal && useLineEditor(input, output) && openEditor(this))) listenTo(this, input);
}
Object.setPrototypeOf(Interface.prototype, EE.prototype);
Object.setPrototypeOf(Interface, EE);

// The line editor reads fd 0 itself; it serves process.stdin on a terminal only.
function useLineEditor(input, output) {
  return input === process.stdin && input.isTTY && output && typeof output.fd === 'number' &&
         binding.isatty(output.fd);
}

function listenTo(rl, input) {
  const ondata = (data) => rl[kNormalWrite](data);
  const onend = () => {
    if (typeof rl[kLineBuffer] === 'string' && rl[kLineBuffer].length > 0) {
      rl.emit('line', rl[kLineBuffer]);
    }
    rl.close();
  };
  const onerror = (err) => rl.emit('error', err);
  rl[kListeners] = { ondata, onend, onerror };
  input.on('error', onerror);
  input.on('data', ondata);
  input.on('end', onend);
  rl.once('close', () => {
    input.removeListener('data', ondata);
    input.removeListener('error', onerror);
    input.removeListener('end', onend);
  });
  input.resume();
}

// The editor watches fd 0 in place of the stream, which must stop reading it. There is
// one editor: a second interface on the terminal reads the stream as a pipe would.
function openEditor(rl) {
  if (editorInUse) return false;
  editorInUse = true;
  rl.once('close', () => { editorInUse = false; });
  rl[kEditor] = true;
  rl.input.pause();
  if (rl.input._reading) {
    rl.input._reading = false;
    rl.input._readableState.reading = false;
    binding.readStop();
  }
  binding.leOpen(0, rl.output.fd, {
    onLine(line) {
      rl[kPrompted] = false;
      rl[kOnLine](line);
      if (!rl.closed && !rl[kPrompted]) binding.lePrompt(); // read on, no prompt shown
    },
    onInterrupt() {
      if (rl.listenerCount('SIGINT') > 0) {
        rl.emit('SIGINT');
        if (!rl.closed) binding.lePrompt(); // read on: the line stays as it is
      } else {
        rl.close();
      }
    },
    onEof() {
      rl.close();
    },
    onComplete(line) {
      return complete(rl, line);
    },
    onKey(sequence) {
      if (rl.input.listenerCount('keypress') > 0) emitKey(rl.input, sequence);
    },
  }, rl.historySize);
  const onresize = () => binding.leRefresh();
  if (typeof rl.output.on === 'function') {
    rl.output.on('resize', onresize);
    rl.once('close', () => rl.output.removeListener('resize', onresize));
  }
  binding.lePrompt();
  return true;
}

// Tab on the line editor: the completer gets the text before the cursor and answers
// [hits, substring] through its callback (readline) or its promise (readline/promises),
// at once or later; the interface is paused meanwhile, so keys typed wait for the
// answer. Returns the answer, or true when it comes later (then leCompleted gives it).
function complete(rl, line) {
  const completer = rl.completer;
  if (typeof completer !== 'function') return undefined;
  const id = ++rl[kCompletion];
  let answer, later = false, settled = false;
  const answered = (err, value) => {
    if (settled) return;
    settled = true;
    if (!rl.closed) rl.resume();
    if (err) {
      if (rl.output != null) rl.output.write(`Tab completion error: ${require('util').inspect(err)}`);
      value = undefined;
    } else if (!hitsOf(value)) {
      value = undefined;
    }
    if (!later) answer = value;
    else if (rl[kCompletion] === id && !rl.closed) binding.leCompleted(value);
  };
  rl.pause();
  if (rl[kAwaitCompleter]) {
    new Promise((resolve) => resolve(completer.call(rl, line))).then(
      (value) => answered(null, value), (err) => answered(err));
  } else {
    completer.call(rl, line, answered);
  }
  later = !settled;
  return later ? true : answer;
}

// The hits of an answer, taken as node's kTabCompleter takes them: an answer that
// cannot be destructured throws its TypeError.
const hitsOf = ({ 0: hits }) => hits;

// ==== Keys, as 'keypress' on the input sees them ====

const KEY_NAMES = { A: 'up', B: 'down', C: 'right', D: 'left', E: 'clear', F: 'end', H: 'home' };
const TILDE_NAMES = ['', 'home', 'insert', 'delete', 'end', 'pageup', 'pagedown', 'home', 'end'];

// The key object node's emitKeypressEvents makes for the key a terminal sent as seq.
function keyOf(seq) {
  const key = { sequence: seq, name: undefined, ctrl: false, meta: false, shift: false };
  const m = /^\x1b([[O])(\d*)([A-Z~])$/.exec(seq);
  if (m) {
    key.name = m[3] === '~' ? TILDE_NAMES[m[2]] : KEY_NAMES[m[3]];
    key.code = m[3] === '~' ? `[${m[2]}~` : m[1] + m[3];
    return key;
  }
  if (seq === '\r') key.name = 'return';
  else if (seq === '\n') key.name = 'enter';
  else if (seq === '\t') key.name = 'tab';
  else if (seq === '\b' || seq === '\x7f') key.name = 'backspace';
  else if (seq === '\x1b') key.name = 'escape';
  else if (seq === ' ') key.name = 'space';
  else if (seq.length === 1 && seq <= '\x1a') {
    key.name = String.fromCharCode(seq.charCodeAt(0) + 96);
    key.ctrl = true;
  } else if (/^[0-9A-Za-z]$/.test(seq)) {
    key.name = seq.toLowerCase();
    key.shift = /^[A-Z]$/.test(seq);
  }
  return key;
}

function emitKey(input, seq) {
  const escaped = seq.length > 1 && seq[0] === '\x1b'; // node passes no text for these
  input.emit('keypress', escaped ? undefined : seq, keyOf(seq));
}

// What a terminal sends for the key object of rl.write(data, key), for the keys the
// line editor binds; undefined for the others (node's meta bindings, Ctrl-Y, Ctrl-Z).
const NAMED_KEYS = {
  return: '\r', enter: '\r', backspace: '\x7f', delete: '\x1b[3~', left: '\x1b[D',
  right: '\x1b[C', home: '\x1b[H', end: '\x1b[F', up: '\x1b[A', down: '\x1b[B', tab: '\t',
};

function keySequence(key) {
  const name = key.name;
  if (key.ctrl && key.shift) return name === 'backspace' ? '\x15' : name === 'delete' ? '\x0b' : undefined;
  if (key.ctrl) {
    if (name === 'backspace') return '\x17';
    return typeof name === 'string' && /^[a-z]$/.test(name) ? String.fromCharCode(name.charCodeAt(0) - 96) : undefined;
  }
  if (key.meta || name === 'escape') return undefined;
  return Object.prototype.hasOwnProperty.call(NAMED_KEYS, name) ? NAMED_KEYS[name] : null;
}

// rl.write on the line editor: text is typed in (its line endings end lines), a key
// object presses that key.
function writeToEditor(rl, d, key) {
  let sequence = key !== null && typeof key === 'object' ? keySequence(key) : null;
  if (sequence === '\t' && typeof rl.completer !== 'function') sequence = null;
  if (sequence === null) {
    if (typeof d === 'string' && d) binding.leWrite(d, false);
  } else if (sequence !== undefined) {
    binding.leWrite(sequence, true);
  }
}

Interface.prototype.setPrompt = function (prompt) {
  this._prompt = prompt;
  if (this[kEditor] && !this.closed) binding.leSetPrompt(String(prompt)); // for redraws
};

Interface.prototype.getPrompt = function () {
  return this._prompt;
};

Interface.prototype.prompt = function (preserveCursor) {
  if (this.paused) this.resume();
  if (this[kEditor]) {
    this[kPrompted] = true;
    binding.lePrompt(String(this._prompt));
  } else if (this.output !== null && this.output !== undefined) {
    this.output.write(this._prompt);
  }
};

Interface.prototype.question = function (query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (this.closed) throw codes.ERR_USE_AFTER_CLOSE('readline');
  if (this[kQuestionCallback]) {
    this.prompt();
  } else {
    this[kOldPrompt] = this._prompt;
    this.setPrompt(query);
    this[kQuestionCallback] = cb;
    this.prompt();
  }
};

Interface.prototype[kOnLine] = function (line) {
  if (this[kQuestionCallback]) {
    const cb = this[kQuestionCallback];
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

// Text from the input, not from a terminal: whole lines go out as they complete.
Interface.prototype[kNormalWrite] = function (b) {
  if (b === undefined) return;
  let string = this[kDecoder].write(b);
  if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
    if (string.codePointAt(0) === 10) string = string.slice(1);
    this[kSawReturnAt] = 0;
  }
  const newPartContainsEnding = LINE_ENDING.test(string);
  LINE_ENDING.lastIndex = 0;
  if (this[kLineBuffer]) {
    string = this[kLineBuffer] + string;
    this[kLineBuffer] = null;
  }
  if (!newPartContainsEnding) {
    if (string) this[kLineBuffer] = string;
    return;
  }
  this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
  const lines = string.split(LINE_ENDING);
  this[kLineBuffer] = lines.pop() || null;
  for (const line of lines) {
    this[kOnLine](line);
    if (this.closed) break;
  }
};

Interface.prototype.write = function (d, key) {
  if (this.paused) this.resume();
  if (this[kEditor] && !this.closed) writeToEditor(this, d, key);
  else this[kNormalWrite](d);
};

Interface.prototype.pause = function () {
  if (this.paused) return;
  if (this[kEditor]) binding.leHold(true);
  else this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function () {
  if (!this.paused) return;
  if (this[kEditor]) binding.leHold(false);
  else this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.close = function () {
  if (this.closed) return;
  this.pause();
  if (this[kEditor]) binding.leClose();
  this.closed = true;
  this.emit('close');
};

Object.defineProperty(Interface.prototype, 'line', {
  get() {
    return this[kEditor] && !this.closed ? binding.leLine() : this._line || '';
  },
  set(v) {
    this._line = v;
  },
  configurable: true,
});

Object.defineProperty(Interface.prototype, 'cursor', {
  get() {
    return this[kEditor] && !this.closed ? binding.leCursor() : this._cursor || 0;
  },
  set(v) {
    this._cursor = v;
  },
  configurable: true,
});

// Where text leaves the cursor on the output, as node counts it: escape sequences take
// no room, a tab goes to the next multiple of 8, \n starts a row, and each code point
// takes one column (node gives East Asian wide characters two).
function displayPos(text, columns) {
  let offset = 0, rows = 0;
  for (const ch of require('util').stripVTControlCharacters(text)) {
    if (ch === '\n') {
      rows += Math.ceil(offset / columns) || 1;
      offset = 0;
    } else if (ch === '\t') {
      offset += 8 - (offset % 8);
    } else if (ch >= ' ' && ch !== '\x7f') {
      offset++;
    }
  }
  const cols = offset % columns;
  return { cols, rows: rows + (offset - cols) / columns };
}

Interface.prototype.getCursorPos = function () {
  if (this[kEditor] && !this.closed) {
    const [cols, rows] = binding.leCursorPos(); // the editor counts wide characters too
    return { cols, rows };
  }
  const columns = this.output && this.output.columns ? this.output.columns : Infinity;
  return displayPos(this._prompt + this.line.slice(0, this.cursor), columns);
};

// for await (const line of rl): lines queue up until the loop takes them; the loop ends
// with 'close'.
Interface.prototype[Symbol.asyncIterator] = function () {
  const rl = this, lines = [], waiting = [];
  let done = false;
  const settle = () => {
    while (waiting.length && (lines.length || done)) {
      const { resolve } = waiting.shift();
      resolve(lines.length ? { value: lines.shift(), done: false } : { value: undefined, done: true });
    }
  };
  const online = (line) => {
    lines.push(line);
    settle();
  };
  const onclose = () => {
    done = true;
    settle();
  };
  this.on('line', online);
  this.once('close', onclose);
  if (this.closed) onclose();
  return {
    next() {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        settle();
      });
    },
    return() {
      rl.off('line', online);
      rl.close();
      done = true;
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
};

// ==== Cursor and screen helpers (ANSI escapes) ====

const CSI = (s) => `\x1b[${s}`;

function later(cb) {
  if (typeof cb === 'function') process.nextTick(cb, null);
  return true;
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw argType('callback', 'of type function', callback);
  }
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw argValue('x', x);
  if (Number.isNaN(y)) throw argValue('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return later(callback);
  if (typeof x !== 'number') throw require('internal/validators').makeError(1, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
  const data = typeof y !== 'number' ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`);
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw argType('callback', 'of type function', callback);
  }
  if (stream == null || !(dx || dy)) return later(callback);
  let data = '';
  if (dx < 0) data += CSI(`${-dx}D`);
  else if (dx > 0) data += CSI(`${dx}C`);
  if (dy < 0) data += CSI(`${-dy}A`);
  else if (dy > 0) data += CSI(`${dy}B`);
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw argType('callback', 'of type function', callback);
  }
  if (stream === null || stream === undefined) return later(callback);
  const type = dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K');
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw argType('callback', 'of type function', callback);
  }
  if (stream === null || stream === undefined) return later(callback);
  return stream.write(CSI('0J'), callback);
}

function emitKeypressEvents() {}

module.exports = {
  Interface, kQuestionCallback, kAwaitCompleter, cursorTo, moveCursor, clearLine, clearScreenDown,
  emitKeypressEvents,
};
