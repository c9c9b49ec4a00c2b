'use strict';
// internal/http/incoming: the client's side of a response, and the parser that finds
// it in the bytes a socket reads. Book: chapter 12, "Networking".
//
// ResponseParser is a state machine over Buffers: the head (status line and header
// lines, up to the blank line), then the body framed as the head says (Content-Length
// bytes, chunks, or everything until the connection closes), then the next response.
// It calls onHead(head), onBody(bytes) and onComplete(); a malformed response is an
// error with node's parser code (HPE_...). IncomingMessage is the readable stream of a
// response's body, in Buffers, with the head's fields.

const Readable = require('internal/streams/readable');
const Stream = require('internal/streams/legacy');
const { isHttpToken } = require('internal/http/common');

const MAX_HEAD = 16 * 1024; // node's --max-http-header-size

function parseError(code, reason) {
  const e = new Error(`Parse Error: ${reason}`);
  e.bytesParsed = 0;
  e.code = code;
  e.reason = reason;
  return e;
}

const HEAD = 0, LENGTH = 1, CHUNK_SIZE = 2, CHUNK_DATA = 3, CHUNK_END = 4, TRAILERS = 5,
  UNTIL_CLOSE = 6, DONE = 7;

class ResponseParser {
  constructor(handlers) {
    this.h = handlers; // { onHead, onBody, onComplete }
    this.state = HEAD;
    this.pending = null; // bytes of a line or head not yet complete
    this.remaining = 0;
    this.noBody = false; // the request was HEAD
    this.connect = false; // the request was CONNECT
  }

  // Takes the next bytes; returns an error, or null.
  execute(buf) {
    if (this.pending) {
      buf = Buffer.concat([this.pending, buf]);
      this.pending = null;
    }
    let pos = 0;
    while (pos < buf.length && this.state !== DONE) {
      const used = this.step(buf, pos);
      if (used instanceof Error) return used;
      if (used < 0) {
        this.pending = buf.subarray(pos);
        if (this.pending.length > MAX_HEAD) return parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
        return null;
      }
      pos = used;
    }
    return null;
  }

  // One step from pos: the new position, -1 when more bytes are needed, or an error.
  step(buf, pos) {
    switch (this.state) {
      case HEAD: return this.head(buf, pos);
      case LENGTH: {
        const n = Math.min(this.remaining, buf.length - pos);
        this.remaining -= n;
        this.h.onBody(buf.subarray(pos, pos + n));
        if (this.remaining === 0) this.complete();
        return pos + n;
      }
      case UNTIL_CLOSE:
        this.h.onBody(buf.subarray(pos));
        return buf.length;
      case CHUNK_SIZE: return this.chunkSize(buf, pos);
      case CHUNK_DATA: {
        const n = Math.min(this.remaining, buf.length - pos);
        this.remaining -= n;
        if (n > 0) this.h.onBody(buf.subarray(pos, pos + n));
        if (this.remaining === 0) this.state = CHUNK_END;
        return pos + n;
      }
      case CHUNK_END: {
        if (buf.length - pos < 2) return -1;
        if (buf[pos] !== 13 || buf[pos + 1] !== 10) return parseError('HPE_STRICT', 'Expected LF after chunk data');
        this.state = CHUNK_SIZE;
        return pos + 2;
      }
      case TRAILERS: {
        const end = buf.indexOf('\r\n', pos);
        if (end < 0) return -1;
        if (end === pos) this.complete();
        else {
          const line = buf.toString('latin1', pos, end), colon = line.indexOf(':');
          if (colon > 0) this.h.onTrailer(line.slice(0, colon), line.slice(colon + 1).trim());
        }
        return end + 2;
      }
    }
    return buf.length;
  }

  head(buf, pos) {
    const end = buf.indexOf('\r\n\r\n', pos);
    if (end < 0) return -1;
    if (end - pos > MAX_HEAD) return parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
    const lines = buf.toString('latin1', pos, end).split('\r\n');
    const m = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(lines[0]);
    if (!m) return parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/');
    const head = { versionMajor: +m[1], versionMinor: +m[2], statusCode: +m[3], statusMessage: m[4] || '', rawHeaders: [] };
    let length = -1, chunked = false, close = head.versionMinor === 0 && head.versionMajor === 1, keepAlive = false;
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(':');
      if (colon <= 0 || !isHttpToken(lines[i].slice(0, colon))) {
        return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
      }
      const name = lines[i].slice(0, colon), value = lines[i].slice(colon + 1).trim();
      head.rawHeaders.push(name, value);
      const lower = name.toLowerCase();
      if (lower === 'content-length') {
        if (!/^\d+$/.test(value) || (length >= 0 && +value !== length)) {
          return parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Unexpected content-length header');
        }
        length = +value;
      } else if (lower === 'transfer-encoding') {
        chunked = /(^|,)\s*chunked\s*$/i.test(value);
      } else if (lower === 'connection') {
        if (/(^|,)\s*close\s*(,|$)/i.test(value)) close = true;
        if (/(^|,)\s*keep-alive\s*(,|$)/i.test(value)) keepAlive = true;
      }
    }
    const code = head.statusCode;
    const informational = code >= 100 && code < 200 && code !== 101;
    head.shouldKeepAlive = !close || (keepAlive && head.versionMinor === 0 && !close);
    if (head.versionMinor === 0 && keepAlive) head.shouldKeepAlive = true;
    if (code === 101 || (this.connect && code >= 200 && code < 300)) {
      this.state = DONE; // the connection leaves HTTP: the rest is the new protocol's
      this.h.onUpgrade(head, buf.subarray(end + 4));
      return buf.length;
    }
    this.h.onHead(head);
    if (informational) return end + 4; // 100 Continue and friends: the real head follows
    if (this.noBody || code === 204 || code === 304) this.complete();
    else if (chunked) this.state = CHUNK_SIZE;
    else if (length >= 0) {
      this.remaining = length;
      this.state = LENGTH;
      if (length === 0) this.complete();
    } else {
      this.state = UNTIL_CLOSE;
      head.shouldKeepAlive = false;
    }
    return end + 4;
  }

  chunkSize(buf, pos) {
    const end = buf.indexOf('\r\n', pos);
    if (end < 0) return buf.length - pos > 1024 ? parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size') : -1;
    const text = buf.toString('latin1', pos, end).split(';')[0].trim();
    if (!/^[0-9a-fA-F]+$/.test(text)) return parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
    this.remaining = parseInt(text, 16);
    this.state = this.remaining === 0 ? TRAILERS : CHUNK_DATA;
    return end + 2;
  }

  complete() {
    this.state = DONE;
    this.h.onComplete();
  }

  // The connection closed: the end of a body read until close, or an error.
  finish() {
    if (this.state === UNTIL_CLOSE) {
      this.complete();
      return true;
    }
    return this.state === DONE;
  }

  // Ready for the next response on a kept-alive connection.
  reset(noBody) {
    this.state = HEAD;
    this.noBody = noBody;
    this.pending = null;
  }
}

// Headers node keeps only the first of; set-cookie becomes an array; cookie joins with '; '.
const firstOnly = new Set(['age', 'authorization', 'content-length', 'content-type', 'etag', 'expires',
  'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location',
  'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent']);

// From the first `entries` entries of raw (all of them by default): node's parser
// passes maxHeaderPairs entries. With joinDuplicateHeaders, the first-only ones join too.
function headersObject(raw, entries = raw.length, join = false) {
  const headers = {};
  for (let i = 0; i < entries && i < raw.length; i += 2) {
    const name = raw[i].toLowerCase(), value = raw[i + 1];
    if (!(name in headers)) headers[name] = name === 'set-cookie' ? [value] : value;
    else if (name === 'set-cookie') headers[name].push(value);
    else if (firstOnly.has(name) && !join) continue;
    else headers[name] += (name === 'cookie' ? '; ' : ', ') + value;
  }
  return headers;
}

// headersDistinct, trailersDistinct: every value of each name, in order, as arrays.
function distinctObject(raw, entries = raw.length) {
  const distinct = Object.create(null);
  for (let i = 0; i < entries && i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (distinct[name] === undefined) distinct[name] = [raw[i + 1]];
    else distinct[name].push(raw[i + 1]);
  }
  return distinct;
}

// A message's stream state is made when something first touches it (a listener, a
// read, a pipe, a chunk of body). Most requests a server answers are never read as
// streams: a GET whose end is pushed and whose body is "dumped" unread then costs no
// state at all, and if the state is made later it starts where node's would be.
// The two marks below are absent (false) until set.
const kEndPending = Symbol('kEndPending');
const kDumpPending = Symbol('kDumpPending');

function IncomingMessage(socket) {
  Stream.call(this);
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = undefined;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this._headers = null;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

function ownState(msg, state) {
  Object.defineProperty(msg, '_readableState', { value: state, writable: true, enumerable: true, configurable: true });
}

// The state takes the socket's readableHighWaterMark, as node's constructor does (a
// server's highWaterMark option sets it).
function makeState(msg) {
  const hwm = msg.socket ? msg.socket.readableHighWaterMark : 16384;
  const state = new Readable.ReadableState(hwm === 16384 ? undefined : { highWaterMark: hwm }, msg, false);
  state.readingMore = true;
  ownState(msg, state);
  if (msg[kEndPending]) {
    msg[kEndPending] = false;
    Readable.prototype.push.call(msg, null);
  }
  if (msg[kDumpPending]) {
    msg[kDumpPending] = false;
    msg._dump();
  }
  return state;
}

// Whether the message's stream state has been made (see makeState).
function hasState(msg) {
  return Object.prototype.hasOwnProperty.call(msg, '_readableState');
}

Object.defineProperties(IncomingMessage.prototype, {
  _readableState: {
    get() {
      return makeState(this);
    },
    set(v) {
      ownState(this, v);
    },
    configurable: true,
  },
  headers: {
    get() {
      if (!this._headers) {
        this._headers = headersObject(this.rawHeaders, this._headerPairs, this.joinDuplicateHeaders);
      }
      return this._headers;
    },
    set(v) {
      this._headers = v;
    },
    configurable: true,
  },
  trailers: {
    get() {
      return headersObject(this.rawTrailers, undefined, this.joinDuplicateHeaders);
    },
    configurable: true,
  },
  headersDistinct: {
    get() {
      if (!this._headersDistinct) this._headersDistinct = distinctObject(this.rawHeaders, this._headerPairs);
      return this._headersDistinct;
    },
    set(v) {
      this._headersDistinct = v;
    },
  },
  trailersDistinct: {
    get() {
      if (!this._trailersDistinct) this._trailersDistinct = distinctObject(this.rawTrailers);
      return this._trailersDistinct;
    },
    set(v) {
      this._trailersDistinct = v;
    },
  },
  connection: {
    get() {
      return this.socket;
    },
    configurable: true,
  },
});

// The body's reader wants more: let the socket flow again.
IncomingMessage.prototype._read = function () {
  this._consuming = true;
  if (this.socket && this.socket.isPaused() && !this.complete) this.socket.resume();
};

// Destroyed before its body was all read: 'aborted', and the socket goes too. The error
// is emitted (next tick) only if someone listens for it, as node keeps it.
IncomingMessage.prototype._destroy = function (err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) this.socket.destroy(err);
  process.nextTick(() => cb(this.listenerCount('error') === 0 ? undefined : err));
};

// The end of the body, pushed before anything touched the stream: kept until it does.
IncomingMessage.prototype.push = function push(chunk, encoding) {
  if (chunk === null && !hasState(this)) {
    this[kEndPending] = true;
    return false;
  }
  return Readable.prototype.push.call(this, chunk, encoding);
};

// node's resOnFinish: a request nobody reads has its body read and thrown away (once
// its stream state is made, if that has not happened yet).
function dumpUnread(msg) {
  if (!hasState(msg)) msg[kDumpPending] = true;
  else if (!msg._consuming && !msg._readableState.resumeScheduled) msg._dump();
}

IncomingMessage.prototype._dump = function () {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

IncomingMessage.prototype.setTimeout = function (msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

module.exports = { ResponseParser, IncomingMessage, headersObject, dumpUnread };
