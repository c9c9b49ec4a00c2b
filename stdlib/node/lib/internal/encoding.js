'use strict';
// internal/encoding: the WHATWG TextEncoder and TextDecoder, as node 20 has them (the
// globals, and util's). TextDecoder knows utf-8, utf-16le and the windows-1252 labels
// (which node decodes as latin1); other labels are ERR_ENCODING_NOT_SUPPORTED. The bytes
// are decoded in C (internal/buffer); streaming keeps an unfinished character for the
// next call. Book: chapter 11, "Files".

const binding = require('internal/buffer');
const { codes, argType } = require('internal/errors');

const UTF8 = 0, UTF16LE = 1, LATIN1 = 2;
const kInspect = Symbol.for('nodejs.util.inspect.custom');

// Labels to [name, encoding number], as the Encoding Standard lists them.
const LABELS = { __proto__: null };
for (const [name, code, labels] of [
  ['utf-8', UTF8, 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8'],
  ['utf-16le', UTF16LE, 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le'],
  ['windows-1252', LATIN1, 'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 ' +
    'iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii ' +
    'windows-1252 x-cp1252'],
]) {
  for (const label of labels.split(' ')) LABELS[label] = [name, code];
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    input = `${input}`;
    const bytes = new Uint8Array(require('buffer').Buffer.byteLength(input));
    binding.write(bytes, input, 0, bytes.length, UTF8);
    return bytes;
  }

  encodeInto(src, dest) {
    if (typeof src !== 'string') throw argType('src', 'of type string', src);
    if (!(dest instanceof Uint8Array)) throw argType('dest', 'an instance of Uint8Array', dest);
    const [read, written] = binding.encodeInto(src, dest);
    return { read, written };
  }

  [kInspect](depth, options) {
    return `{ encoding: 'utf-8' }`;
  }
}

function bytesOf(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  // node's own words here, without the usual "Received ..."
  throw require('internal/validators').makeError(1, 'ERR_INVALID_ARG_TYPE', 'The "list" argument ' +
    'must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
}

class TextDecoder {
  #name;
  #code;
  #fatal;
  #ignoreBOM;
  #pending = null; // bytes of a character the last streaming call left unfinished
  #started = false; // a BOM is looked for only at the start of a stream

  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    if (options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw argType('options', 'of type object', options);
    }
    const found = LABELS[encoding.trim().toLowerCase()];
    if (found === undefined) throw codes.ERR_ENCODING_NOT_SUPPORTED(encoding);
    [this.#name, this.#code] = found;
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
  }

  get encoding() {
    return this.#name;
  }

  get fatal() {
    return this.#fatal;
  }

  get ignoreBOM() {
    return this.#ignoreBOM;
  }

  decode(input = new Uint8Array(0), options = {}) {
    let bytes = bytesOf(input);
    const stream = Boolean(options?.stream);
    if (this.#pending) {
      const all = new Uint8Array(this.#pending.length + bytes.length);
      all.set(this.#pending, 0);
      all.set(bytes, this.#pending.length);
      bytes = all;
      this.#pending = null;
    }
    let end = bytes.length;
    if (this.#code === UTF8) end = this.#utf8End(bytes, stream);
    else if (this.#code === UTF16LE) end = this.#utf16End(bytes, stream);
    if (end < bytes.length) this.#pending = bytes.slice(end);
    let text = binding.toString(bytes, this.#code, 0, end);
    if (this.#code === UTF16LE) text = this.#wellFormed(text, !stream && end % 2 === 1);
    if (!this.#started && !this.#ignoreBOM && text.charCodeAt(0) === 0xfeff && this.#code !== LATIN1) {
      text = text.slice(1);
    }
    this.#started = stream && (this.#started || text.length > 0 || end > 0);
    return text;
  }

  // Where to stop: before an unfinished character when streaming; a fatal decoder
  // throws on any invalid byte (or on an unfinished end of the input).
  #utf8End(bytes, stream) {
    const check = binding.utf8Check(bytes);
    if (check === -1) return bytes.length;
    if (check >= 0 && stream) return check;
    if (this.#fatal) throw codes.ERR_ENCODING_INVALID_ENCODED_DATA(this.#name);
    const n = bytes.length;
    for (let k = 1; stream && check === -2 && k <= 3 && k <= n; k++) {
      if (binding.utf8Check(bytes.subarray(n - k)) === 0) return n - k;
    }
    return n;
  }

  #utf16End(bytes, stream) {
    let end = bytes.length;
    if (stream) {
      end -= end % 2;
      const last = end >= 2 ? bytes[end - 2] | bytes[end - 1] << 8 : 0;
      if (last >= 0xd800 && last < 0xdc00) end -= 2;
    }
    return end;
  }

  // UTF-16 as the Encoding Standard decodes it: a lone surrogate, or an odd byte at the
  // very end, is U+FFFD (or an error, for a fatal decoder); a high surrogate that the odd
  // byte might have completed makes one U+FFFD with it.
  #wellFormed(text, oddByte) {
    if (oddByte && /[\ud800-\udbff]$/.test(text)) oddByte = false;
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    if (this.#fatal && (oddByte || lone.test(text))) {
      throw codes.ERR_ENCODING_INVALID_ENCODED_DATA(this.#name);
    }
    return text.replace(lone, '\ufffd') + (oddByte ? '\ufffd' : '');
  }

  [kInspect](depth, options) {
    const fields = `encoding: '${this.#name}', fatal: ${this.#fatal}, ignoreBOM: ${this.#ignoreBOM}`;
    return `TextDecoder { ${fields} }`;
  }
}

for (const C of [TextEncoder, TextDecoder]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  for (const key of Object.getOwnPropertyNames(C.prototype)) {
    if (key === 'constructor') continue;
    Object.defineProperty(C.prototype, key, { enumerable: true });
  }
}

module.exports = { TextEncoder, TextDecoder };
