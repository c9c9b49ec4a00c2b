'use strict';
// internal/fetch/body: what a Request or a Response carries. Book: chapter 12,
// "Networking" ("fetch").
//
// A body is a ReadableStream of Uint8Array chunks, with the bytes it was made from when
// they are known (a string, a Blob, a buffer, URLSearchParams or FormData: then its
// length is known and a clone does not need to tee). text(), json(), arrayBuffer(),
// blob() and formData() read the stream to its end; once a stream has been read from,
// or is locked to a reader, the body is "unusable". The globals Blob and FormData live
// here too, in their basic form: a Blob is bytes and a type; FormData is a list of
// name/value pairs, sent as multipart/form-data (a Blob value stays a Blob here, where
// node makes it a File named "blob").

const { ReadableStream, isDisturbed, kState } = require('internal/fetch/streams');
const { TextEncoder, TextDecoder } = require('internal/encoding');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const encoder = new TextEncoder();
const utf8 = (s) => encoder.encode(String(s));
const decoder = new TextDecoder(); // decode() without { stream } keeps no state between calls
const decode = (bytes) => decoder.decode(bytes);

function concatBytes(chunks) {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) out.set(c, at), at += c.byteLength;
  return out;
}

function bytesOf(part) {
  if (part instanceof Blob) return blobBytes(part);
  if (part instanceof ArrayBuffer) return new Uint8Array(part.slice(0));
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  return utf8(part);
}

// ==== Blob ====

class Blob {
  #bytes;
  #type;
  constructor(sources = [], options = {}) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function')
      throw invalidArgType('sources', 'a sequence', sources);
    this.#bytes = concatBytes([...sources].map(bytesOf));
    const type = options && options.type !== undefined ? String(options.type) : '';
    this.#type = /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
  }
  static bytes(blob) { return blob.#bytes; }
  get size() { return this.#bytes.byteLength; }
  get type() { return this.#type; }
  text() { return Promise.resolve(decode(this.#bytes)); }
  arrayBuffer() { return Promise.resolve(this.#bytes.slice().buffer); }
  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const clamp = (i) => (i < 0 ? Math.max(size + i, 0) : Math.min(i, size));
    const from = clamp(Math.trunc(Number(start)) || 0);
    const to = clamp(Math.trunc(Number(end)) || 0);
    return new Blob([this.#bytes.subarray(from, Math.max(from, to))], { type: contentType });
  }
  stream() { return streamOfBytes(this.#bytes); }
  [customInspect](depth, options, inspect) {
    const fields = { __proto__: { constructor: Blob }, size: this.size, type: this.type };
    return `Blob ${inspect(fields, options)}`;
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
const blobBytes = Blob.bytes;
delete Blob.bytes;

// ==== File: a Blob with a name and a modification time ====

class File extends Blob {
  #name;
  #lastModified;
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      const e = new TypeError('The "fileBits" and "fileName" arguments must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    super(fileBits, options);
    this.#name = String(fileName);
    const when = options === null || options === undefined ? undefined : options.lastModified;
    this.#lastModified = when === undefined ? Date.now() : Number(when);
  }
  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
  [customInspect](depth, options, inspect) {
    const fields = { __proto__: { constructor: File }, size: this.size, type: this.type, name: this.name,
      lastModified: this.lastModified };
    return `File ${inspect(fields, options)}`;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

function invalidArgType(name, expected, value) {
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(value)}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}
const describe = (v) => (v === null || v === undefined ? String(v) : `type ${typeof v} (${typeof v === 'string' ? `'${v}'` : String(v)})`);

// ==== FormData ====

class FormData {
  #entries = [];
  constructor(form) {
    if (form !== undefined) throw new TypeError("FormData constructor: Argument 1 is not supported by tinynode (there is no HTML form).");
  }
  static list(fd) { return fd.#entries; }
  append(name, value, filename) { this.#entries.push(entry(name, value, filename)); }
  set(name, value, filename) {
    const e = entry(name, value, filename);
    const i = this.#entries.findIndex(([n]) => n === e[0]);
    if (i < 0) return void this.#entries.push(e);
    this.#entries[i] = e;
    this.#entries = this.#entries.filter(([n], j) => j <= i || n !== e[0]);
  }
  get(name) {
    const found = this.#entries.find(([n]) => n === String(name));
    return found ? found[1] : null;
  }
  getAll(name) { return this.#entries.filter(([n]) => n === String(name)).map(([, v]) => v); }
  has(name) { return this.#entries.some(([n]) => n === String(name)); }
  delete(name) { this.#entries = this.#entries.filter(([n]) => n !== String(name)); }
  *entries() { for (const [n, v] of this.#entries) yield [n, v]; }
  *keys() { for (const [n] of this.#entries) yield n; }
  *values() { for (const [, v] of this.#entries) yield v; }
  forEach(callback, thisArg) { for (const [n, v] of this.#entries) callback.call(thisArg, v, n, this); }
  [Symbol.iterator]() { return this.entries(); }
  [customInspect](depth, options, inspect) {
    const fields = { __proto__: { constructor: FormData } };
    for (const [n, v] of this.#entries)
      fields[n] = Object.prototype.hasOwnProperty.call(fields, n) ? [].concat(fields[n], [v]) : v;
    return `FormData ${inspect(fields, options)}`;
  }
}
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });
const formList = FormData.list;
delete FormData.list;

function entry(name, value, filename) {
  if (!(value instanceof Blob)) return [String(name), String(value)];
  return [String(name), value, filename === undefined ? 'blob' : String(filename)];
}

// multipart/form-data, framed as undici frames it.
function serializeForm(fd) {
  const boundary = `----formdata-undici-0${String(Math.random()).slice(2, 13).padEnd(11, '0')}`;
  const escape = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  const parts = [];
  for (const [name, value, filename] of formList(fd)) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"`;
    if (typeof value === 'string') {
      parts.push(utf8(`${head}\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`));
      continue;
    }
    head += `; filename="${escape(filename)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
    parts.push(utf8(head), blobBytes(value), utf8('\r\n'));
  }
  parts.push(utf8(`--${boundary}--\r\n`));
  return { bytes: concatBytes(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// ==== bodies ====

// A stream that gives bytes as one chunk and closes (as a Response's body prints it,
// with supportsBYOB true: undici makes it a byte stream).
function streamOfBytes(bytes) {
  const stream = new ReadableStream({
    pull(controller) {
      if (bytes.byteLength) controller.enqueue(bytes.slice());
      controller.close();
    },
  });
  stream[kState].byob = true;
  return stream;
}

// The fetch standard's "extract a body": { stream, source, length, type }.
function extractBody(object) {
  let bytes, type = null;
  if (object instanceof ReadableStream) {
    if (object.locked || isDisturbed(object)) throw new TypeError('Response body object should not be disturbed or locked');
    return { stream: object, source: null, length: null, type };
  }
  if (typeof object === 'string') {
    bytes = utf8(object), type = 'text/plain;charset=UTF-8';
  } else if (object instanceof URLSearchParams) {
    bytes = utf8(object.toString()), type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (object instanceof Blob) {
    bytes = blobBytes(object), type = object.type || null;
  } else if (object instanceof FormData) {
    ({ bytes, type } = serializeForm(object));
  } else if (object instanceof ArrayBuffer || ArrayBuffer.isView(object)) {
    bytes = bytesOf(object);
  } else {
    bytes = utf8(object), type = 'text/plain;charset=UTF-8';
  }
  return { stream: streamOfBytes(bytes), source: bytes, length: bytes.byteLength, type };
}

const bodyUnusable = (body) => body !== null && (body.stream.locked || isDisturbed(body.stream));
const unusable = () => new TypeError('Body is unusable: Body has already been read');

// All of a body's bytes, read through its stream.
async function readAll(body) {
  if (body === null) return new Uint8Array(0);
  const reader = body.stream.getReader();
  const chunks = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    chunks.push(value);
  }
  return concatBytes(chunks);
}

// The body methods of Request and Response: getBody(this) gives the body record,
// getType(this) the Content-Type header's value.
function consume(self, body, transform) {
  if (bodyUnusable(body)) return Promise.reject(unusable());
  return readAll(body).then(transform);
}

function parseUrlencoded(text) {
  const fd = new FormData();
  for (const [n, v] of new URLSearchParams(text)) fd.append(n, v);
  return fd;
}

function bodyMixin(proto, getBody, getType) {
  const methods = {
    text() { return consume(this, getBody(this), decode); },
    json() { return consume(this, getBody(this), (b) => JSON.parse(decode(b))); },
    arrayBuffer() { return consume(this, getBody(this), (b) => b.buffer); },
    blob() { return consume(this, getBody(this), (b) => new Blob([b], { type: getType(this) || '' })); },
    formData() {
      const type = getType(this) || '';
      return consume(this, getBody(this), (b) => {
        if (/^application\/x-www-form-urlencoded/i.test(type)) return parseUrlencoded(decode(b));
        if (/^multipart\/form-data/i.test(type)) throw new TypeError('formData() of a multipart/form-data body is not supported by tinynode');
        throw new TypeError('Response.formData: Could not parse content as FormData.');
      });
    },
  };
  for (const name of Object.keys(methods))
    Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
  Object.defineProperty(proto, 'body', { get() { const b = getBody(this); return b ? b.stream : null; }, enumerable: true, configurable: true });
  Object.defineProperty(proto, 'bodyUsed', { get() { const b = getBody(this); return b !== null && isDisturbed(b.stream); }, enumerable: true, configurable: true });
}

// A copy of a body for clone(): the bytes again when they are known, else a tee.
function cloneBody(body) {
  if (body === null) return [null, null];
  if (body.source !== null && !isDisturbed(body.stream)) {
    const again = () => ({ ...body, stream: streamOfBytes(body.source) });
    return [again(), again()];
  }
  const [a, b] = body.stream.tee();
  a[kState].byob = b[kState].byob = true;
  return [{ ...body, stream: a }, { ...body, stream: b }];
}

module.exports = { Blob, File, FormData, extractBody, bodyMixin, bodyUnusable, cloneBody, streamOfBytes, readAll, concatBytes };
