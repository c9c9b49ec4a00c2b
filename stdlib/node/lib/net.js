'use strict';
// net: TCP and Unix-socket servers and sockets, node's net module. Book: chapter 12,
// "Networking".
//
// A Socket is a Duplex stream (stdlib/stream/) over a handle of internal/tcp
// (stdlib/node/tcp.c), which wraps a connection of runtime/net.c: _read starts the
// handle reading, each chunk it reads is pushed (and reading stops when push says the
// buffer is full); _write hands the bytes to the handle and calls back once the kernel
// has taken them all, so write() returns false past highWaterMark and 'drain' follows as
// the queue empties; _final half-closes (FIN) and _destroy closes. A Server listens and
// makes a Socket for each connection.

const EventEmitter = require('events');
const Duplex = require('internal/streams/duplex');
const binding = require('internal/tcp');
const errors = require('internal/errors');
const { isIP, isIPv4, isIPv6, setSocketTimeout, socketLoaded } = require('internal/net');

// ==== node's errors ====

const validators = require('internal/validators');

// net.setDefaultAutoSelectFamily and its attempt timeout (node 20's defaults).
let defaultAutoSelectFamily = true;
let defaultAttemptTimeout = 250;

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw errors.argType(name, 'of type boolean', value);
}

function validateAttemptTimeout(value, name) {
  if (typeof value !== 'number') throw errors.argType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < 1 || value > 2147483647) throw errors.outOfRange(name, '>= 1 && <= 2147483647', value);
}

function errnoException(err, syscall, message) {
  const code = validators.errnoName(err) || 'UNKNOWN';
  const e = new Error(message || `${syscall} ${code}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

// connect ECONNREFUSED 127.0.0.1:1
function exceptionWithHostPort(err, syscall, address, port) {
  const code = validators.errnoName(err) || 'UNKNOWN';
  const e = errnoException(err, syscall, `${syscall} ${code} ${address}${port ? ':' + port : ''}`);
  e.address = address;
  if (port) e.port = port;
  return e;
}

// listen EADDRINUSE: address already in use 127.0.0.1:8080 (libuv's words, code first)
function uvExceptionWithHostPort(err, syscall, address, port) {
  const [code, words] = binding.describe(err);
  const where = port > 0 ? `${address}:${port}` : address;
  const e = new Error(`${syscall} ${code}: ${words} ${where}`);
  e.code = code;
  e.errno = err;
  e.syscall = syscall;
  e.address = address;
  if (port > 0) e.port = port;
  return e;
}

function validatePort(port, name = 'Port', allowZero = true) {
  const n = typeof port === 'string' && port.trim() !== '' ? +port : port;
  if ((typeof n !== 'number' && typeof n !== 'string') || typeof n === 'string' ||
      n !== (n >>> 0) || n > 0xffff || (n === 0 && !allowZero)) {
    throw errors.makeError(2, 'ERR_SOCKET_BAD_PORT',
      `${name} should be >= 0 and < 65536. Received ${describe(port)}.`);
  }
  return n | 0;
}

function describe(v) {
  if (typeof v === 'string') return `type string ('${v}')`;
  if (typeof v === 'number') return `type number (${v})`;
  if (v === undefined || v === null) return String(v);
  if (typeof v === 'function') return `function ${v.name}`;
  if (typeof v === 'object') return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : 'an instance of Object';
  return `type ${typeof v} (${String(v)})`;
}

function familyName(n) {
  return n === 6 ? 'IPv6' : n === 4 ? 'IPv4' : undefined;
}

// A pipe name is a string that is not a number (node's isPipeName).
function isPipeName(s) {
  return typeof s === 'string' && !(Number(s) >= 0);
}

// [options, callback] from connect's many signatures (node's normalizeArgs).
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) options = arg0;
  else if (isPipeName(arg0)) options.path = arg0;
  else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// ==== Socket ====

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.fd !== undefined) throw new Error('net.Socket({ fd }) is not supported by tinynode');
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._pendingWrite = null;
  this._writeCb = null;
  this._shutdownCb = null;
  this._timer = null;
  this._refed = true;
  this._bytesRead = 0;
  this._bytesDispatched = 0;
  this.server = null;
  this._server = null;
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false; // 'close' comes from the handle's close, with hadError
  options.autoDestroy = true;
  Duplex.call(this, options);
  if (options.handle) {
    this._attach(options.handle);
    if (options.noDelay) binding.setNoDelay(options.handle, true);
    if (options.keepAlive) binding.setKeepAlive(options.handle, true, ~~(options.keepAliveInitialDelay / 1000));
    if (options.readable === false) {
      // a child's stdin: written only
    } else if (!options.pauseOnCreate) this.read(0);
    else this.pause();
  }
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

// The handle reports to this socket from now on.
Socket.prototype._attach = function (handle) {
  this._handle = handle;
  const self = this;
  handle.onread = (chunk) => self._onread(chunk);
  handle.ondrain = () => self._ondrain();
  handle.onerror = (err, syscall) => self.destroy(errnoException(err, syscall));
  handle.onclose = () => self.emit('close', self._hadError);
  if (!this._refed) binding.ref(handle, false);
};

Socket.prototype._onread = function (chunk) {
  this._touch();
  if (chunk === null) {
    this.push(null); // the peer's FIN
    this.read(0); // 'end' even when nobody reads, as node's onStreamRead
    return;
  }
  this._bytesRead += chunk.length;
  if (!this.push(chunk) && this._handle) binding.readStop(this._handle);
};

Socket.prototype._ondrain = function () {
  this._touch();
  if (this._writeCb) {
    const cb = this._writeCb;
    this._writeCb = null;
    cb();
  } else if (this._shutdownCb) {
    // The FIN went out; as libuv's shutdown request, it completes from the loop.
    const cb = this._shutdownCb;
    this._shutdownCb = null;
    setImmediate(cb);
  }
};

Socket.prototype._read = function () {
  if (this.connecting || !this._handle) this.once('connect', () => this._read());
  else binding.readStart(this._handle);
};

//> stdlib.socket-write
Socket.prototype._write = function (chunk, encoding, cb) {
  if (this.connecting) {
    // As node: the write goes out from a 'connect' listener, after the user's.
    this._pendingWrite = [chunk, encoding, cb];
    this.once('connect', () => this._write(chunk, encoding, cb));
    return;
  }
  this._pendingWrite = null;
  if (!this._handle) {
    cb(errors.makeError(0, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  this._touch();
  const r = binding.write(this._handle, chunk);
  if (r < 0) {
    cb(errnoException(r, 'write'));
    return;
  }
  this._bytesDispatched += chunk.length;
  if (r === 0) cb();
  else this._writeCb = cb;
};
//< stdlib.socket-write

Socket.prototype._final = function (cb) {
  if (this.connecting || !this._handle) {
    if (this.connecting) this.once('connect', () => this._final(cb));
    else cb();
    return;
  }
  this._shutdownCb = cb;
  binding.shutdown(this._handle);
};

Socket.prototype._destroy = function (err, cb) {
  this.connecting = false;
  this._clearTimer();
  if (this._handle) {
    this._hadError = !!err;
    if (this._reset) binding.reset(this._handle);
    else binding.close(this._handle);
    this._handle = null;
    cb(err);
  } else {
    cb(err);
    process.nextTick(() => this.emit('close', !!err));
  }
  if (this._server) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
};

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function () {
  if (this._handle && !this.connecting) {
    this._reset = true;
    return this.destroy();
  }
  return this.destroy(errors.makeError(0, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
};

Socket.prototype.connect = function (...args) {
  const [options, cb] = Array.isArray(args[0]) && args.length === 1 ? args[0] : normalizeArgs(args);
  if (this.destroyed) {
    this._readableState.reading = false;
    this._readableState.ended = false;
    this._readableState.endEmitted = false;
    this._writableState.ended = false;
    this._writableState.ending = false;
    this._writableState.finished = false;
    this._writableState.errorEmitted = false;
    this.destroyed = false;
    this._handle = null;
    this._peername = null;
    this._sockname = null;
  }
  if (cb) this.once('connect', cb);
  if (options.timeout) this.setTimeout(options.timeout);
  this._noDelay = Boolean(options.noDelay); // set once the handle exists, as node's kSetNoDelay
  const path = options.path;
  if (path !== undefined && path !== null) {
    if (typeof path !== 'string') throw errors.argType('options.path', 'of type string', path);
    this.connecting = true;
    this._connectTo(path, -1);
    return this;
  }
  const host = options.host === undefined || options.host === null ? 'localhost' : options.host;
  if (typeof host !== 'string') throw errors.argType('options.host', 'of type string', host);
  if (options.port === undefined || options.port === null) {
    throw errors.makeError(1, 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified');
  }
  if (typeof options.port !== 'number' && typeof options.port !== 'string') {
    throw errors.argType('options.port', 'one of type number or string', options.port);
  }
  const port = validatePort(options.port);
  this.connecting = true;
  this._host = host;
  if (isIP(host)) {
    this._connectTo(host, port);
    return this;
  }
  const dns = require('dns');
  const dnsFamily = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : options.family;
  const family = dnsFamily === 4 || dnsFamily === 6 ? dnsFamily : 0;
  const dnsopts = { family: dnsFamily, hints: options.hints || 0 };
  if (family !== 4 && family !== 6 && dnsopts.hints === 0) dnsopts.hints = dns.ADDRCONFIG;
  const lookup = options.lookup === undefined ? dns.lookup : options.lookup;
  if (typeof lookup !== 'function') throw errors.argType('options.lookup', 'of type function', lookup);
  let autoSelect = options.autoSelectFamily;
  if (autoSelect === undefined || autoSelect === null) autoSelect = defaultAutoSelectFamily;
  else validateBoolean(autoSelect, 'options.autoSelectFamily');
  if (family !== 4 && family !== 6 && !options.localAddress && autoSelect) {
    let timeout = options.autoSelectFamilyAttemptTimeout;
    if (timeout === undefined || timeout === null) timeout = defaultAttemptTimeout;
    else validateAttemptTimeout(timeout, 'options.autoSelectFamilyAttemptTimeout');
    dnsopts.all = true;
    lookup(host, dnsopts, (err, addresses) => this._connectMultiple(err, addresses, host, port, Math.max(timeout, 10)));
    return this;
  }
  lookup(host, dnsopts, (err, ip, fam) => {
    this.emit('lookup', err, ip, fam, host);
    if (!this.connecting) return;
    if (!err && !isIP(ip)) err = invalidAddress(ip);
    else if (!err && fam !== 4 && fam !== 6) err = invalidFamily(fam, host, port);
    if (err) process.nextTick(() => this.destroy(err));
    else this._connectTo(ip, port);
  });
  return this;
};

function invalidAddress(ip) {
  return errors.makeError(1, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${ip}`);
}

function invalidFamily(family, host, port) {
  return errors.makeError(2, 'ERR_INVALID_ADDRESS_FAMILY', `Invalid address family: ${family} ${host}:${port}`);
}

// Starts the connect to a numeric address (port -1: a Unix socket path); onFailed(err),
// if given, hears a failure instead of the socket being destroyed with it.
Socket.prototype._connectTo = function (address, port, onFailed) {
  const fail = (status) => {
    const err = port < 0 ? errnoException(status, 'connect', `connect ${validators.errnoName(status)} ${address}`)
                         : exceptionWithHostPort(status, 'connect', address, port);
    if (port < 0) err.address = address;
    if (onFailed) onFailed(err);
    else this.destroy(err);
  };
  const handle = binding.connect(address, port);
  if (typeof handle === 'number') return fail(handle);
  this._attach(handle);
  if (this._noDelay && port >= 0) binding.setNoDelay(handle, true);
  handle.onconnect = (status) => {
    if (!this.connecting || this._handle !== handle) return;
    if (status < 0) return fail(status);
    this.connecting = false;
    this._touch();
    this.emit('connect');
    this.emit('ready');
    if (!this.isPaused()) this.read(0);
  };
};

// Node 20's autoSelectFamily ("happy eyeballs"): the addresses of both families,
// interleaved from the family of the first, each tried in turn; an attempt that has not
// connected after attemptTimeout ms is abandoned for the next; when all fail, one
// AggregateError holds their errors.
Socket.prototype._connectMultiple = function (err, addresses, host, port, attemptTimeout) {
  if (!this.connecting) return;
  if (err) {
    this.emit('lookup', err, undefined, undefined, host);
    process.nextTick(() => this.destroy(err));
    return;
  }
  const groups = [[], []];
  let first = 0;
  for (const address of addresses) {
    const { address: ip, family } = address;
    this.emit('lookup', err, ip, family, host);
    if (!this.connecting) return;
    if (!isIP(ip) || (family !== 4 && family !== 6)) continue;
    first = first || family;
    const group = groups[family === first ? 0 : 1];
    if (!group.some((a) => a.address === ip)) group.push(address);
  }
  if (!groups[0].length && !groups[1].length) {
    const { address: ip, family } = addresses[0];
    const e = !isIP(ip) ? invalidAddress(ip) : invalidFamily(family, host, port);
    process.nextTick(() => this.destroy(e));
    return;
  }
  const toAttempt = [];
  for (let i = 0; i < Math.max(groups[0].length, groups[1].length); i++) {
    if (i < groups[0].length) toAttempt.push(groups[0][i]);
    if (i < groups[1].length) toAttempt.push(groups[1][i]);
  }
  if (toAttempt.length === 1) return this._connectTo(toAttempt[0].address, port);
  this.autoSelectFamilyAttemptedAddresses = [];
  this._attempts = { addresses: toAttempt, current: 0, port, timeout: attemptTimeout, timer: null, errors: [] };
  this._nextAttempt();
};

Socket.prototype._nextAttempt = function () {
  const context = this._attempts;
  clearTimeout(context.timer);
  if (context.current === context.addresses.length) {
    const e = new AggregateError(context.errors, '');
    e.code = context.errors[0].code;
    this.destroy(e);
    return;
  }
  const last = context.current === context.addresses.length - 1;
  const { address, family } = context.addresses[context.current++];
  const { port } = context;
  this.emit('connectionAttempt', address, port, family);
  this.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
  const failed = (e) => {
    this._abandonHandle();
    context.errors.push(e);
    this.emit('connectionAttemptFailed', address, port, family, e);
    if (this.connecting) this._nextAttempt();
  };
  this._connectTo(address, port, failed);
  if (last || !this._handle) return;
  context.timer = setTimeout(() => {
    this.emit('connectionAttemptTimeout', address, port, family);
    this._abandonHandle();
    context.errors.push(exceptionWithHostPort(-require('os').constants.errno.ETIMEDOUT, 'connect', address, port));
    if (this.connecting) this._nextAttempt();
  }, context.timeout);
};

// Closes the handle of a failed attempt without a 'close' for the socket.
Socket.prototype._abandonHandle = function () {
  if (!this._handle) return;
  this._handle.onclose = null;
  binding.close(this._handle);
  this._handle = null;
};

Socket.prototype.setTimeout = function (msecs, callback) {
  return setSocketTimeout(this, msecs, callback, (ms) => {
    this._clearTimer();
    if (ms === 0) return;
    this._timer = setTimeout(() => {
      this._timer = null;
      this.emit('timeout');
    }, ms);
    this._timer.unref();
  });
};

Socket.prototype._clearTimer = function () {
  if (this._timer) clearTimeout(this._timer);
  this._timer = null;
};

// Activity puts the idle timer back to its full length.
Socket.prototype._touch = function () {
  if (this._timer) this._timer.refresh();
};

Socket.prototype.setNoDelay = function (noDelay) {
  if (this._handle) binding.setNoDelay(this._handle, noDelay === undefined ? true : !!noDelay);
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelay) {
  if (this._handle) binding.setKeepAlive(this._handle, !!enable, ~~((initialDelay || 0) / 1000));
  return this;
};

Socket.prototype.ref = function () {
  this._refed = true;
  if (this._handle) binding.ref(this._handle, true);
  return this;
};

Socket.prototype.unref = function () {
  this._refed = false;
  if (this._handle) binding.ref(this._handle, false);
  return this;
};

Socket.prototype.address = function () {
  const name = this._getName(false);
  if (!name) return {};
  return name;
};

// {address, family, port} of this end or the peer (kept once known), or undefined.
Socket.prototype._getName = function (peer) {
  const key = peer ? '_peername' : '_sockname';
  if (this[key]) return this[key];
  if (!this._handle || this.connecting) return undefined;
  const t = binding.address(this._handle, peer);
  if (!t || t[2] === 0) return undefined;
  this[key] = { address: t[0], family: familyName(t[2]), port: t[1] };
  return this[key];
};

function nameGetter(peer, field) {
  return {
    get() {
      const name = this._getName(peer);
      return name ? name[field] : undefined;
    },
    configurable: true,
  };
}

Object.defineProperties(Socket.prototype, {
  remoteAddress: nameGetter(true, 'address'),
  remoteFamily: nameGetter(true, 'family'),
  remotePort: nameGetter(true, 'port'),
  localAddress: nameGetter(false, 'address'),
  localFamily: nameGetter(false, 'family'),
  localPort: nameGetter(false, 'port'),
  pending: {
    get() {
      return !this._handle || this.connecting;
    },
    configurable: true,
  },
  readyState: {
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
    configurable: true,
  },
  bytesRead: {
    get() {
      return this._bytesRead;
    },
    configurable: true,
  },
  bytesWritten: {
    get() {
      let bytes = this._bytesDispatched;
      for (const entry of this._writableState.buffered || []) {
        const chunk = entry.chunk;
        bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, entry.encoding) : chunk.length;
      }
      if (this._pendingWrite) bytes += this._pendingWrite[0].length;
      return bytes;
    },
    configurable: true,
  },
  _connecting: {
    get() {
      return this.connecting;
    },
    configurable: true,
  },
});

// ==== Server ====

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.argType('options', 'of type object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  this._handle = null;
  this._pipeName = undefined;
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

Server.prototype.listen = function (...args) {
  const [options, cb] = normalizeArgs(args);
  if (this._handle) {
    throw errors.makeError(0, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);
  const backlog = options.backlog || backlogFromArgs || 511;
  if (typeof options.port === 'number' || typeof options.port === 'string' ||
      (options.port === undefined && 'port' in options) || args.length === 0) {
    const port = options.port === undefined ? 0 : validatePort(options.port, 'options.port');
    if (options.host) this._lookupAndListen(port, options.host, backlog);
    else this._listenOn(null, port, backlog);
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    this._pipeName = options.path;
    this._listenOn(options.path, -1, backlog);
    return this;
  }
  if (!('port' in options) && !('path' in options)) {
    throw errors.argValue('options', options, 'must have the property "port" or "path"');
  }
  throw errors.argValue('options', options);
};

Server.prototype._lookupAndListen = function (port, host, backlog) {
  require('dns').lookup(host, (err, ip) => {
    if (err) {
      this.emit('error', err);
      return;
    }
    this._listenOn(ip, port, backlog);
  });
};

// Listens now; 'listening' (or 'error') follows on the next tick, as node's.
Server.prototype._listenOn = function (address, port, backlog) {
  const handle = binding.listen(address === null ? undefined : address, port, backlog);
  if (typeof handle === 'number') {
    const where = port < 0 ? address : address === null ? (handle === -97 ? '0.0.0.0' : '::') : address;
    const err = uvExceptionWithHostPort(handle, 'listen', where, port);
    process.nextTick(() => this.emit('error', err));
    return;
  }
  this._handle = handle;
  handle.onconnection = (client) => this._onconnection(client);
  if (this._unref) binding.ref(handle, false);
  process.nextTick(() => {
    if (this._handle === handle) this.emit('listening');
  });
};

Server.prototype._onconnection = function (handle) {
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    const t = binding.address(handle, true) || [], l = binding.address(handle, false) || [];
    binding.close(handle);
    this.emit('drop', {
      localAddress: l[0], localPort: l[1], localFamily: familyName(l[2]),
      remoteAddress: t[0], remotePort: t[1], remoteFamily: familyName(t[2]),
    });
    return;
  }
  const socket = new Socket({
    handle,
    allowHalfOpen: this.allowHalfOpen,
    pauseOnCreate: this.pauseOnConnect,
    readable: true,
    writable: true,
    keepAlive: this.keepAlive,
    keepAliveInitialDelay: this.keepAliveInitialDelay * 1000,
    noDelay: this.noDelay,
  });
  this._connections++;
  socket.server = this;
  socket._server = this;
  this.emit('connection', socket);
};

Server.prototype.address = function () {
  if (this._handle && this._pipeName === undefined) {
    const t = binding.address(this._handle, false);
    if (t) return { address: t[0], family: familyName(t[2]), port: t[1] };
    return {};
  }
  if (this._handle) return this._pipeName;
  return null;
};

Server.prototype.close = function (cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', () => cb(errors.makeError(0, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    binding.close(this._handle);
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

// Node 20's `await using server`: close(), as a promise; nothing when not listening.
Server.prototype[Symbol.asyncDispose] = async function () {
  if (!this._handle) return undefined;
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._handle || this._connections) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function (cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.ref = function () {
  this._unref = false;
  if (this._handle) binding.ref(this._handle, true);
  return this;
};

Server.prototype.unref = function () {
  this._unref = true;
  if (this._handle) binding.ref(this._handle, false);
  return this;
};

Object.defineProperty(Server.prototype, 'listening', {
  get() {
    return !!this._handle;
  },
  configurable: true,
  enumerable: true,
});

// ==== The module ====

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const [options, cb] = normalizeArgs(args);
  const socket = new Socket(options);
  return socket.connect(options, cb);
}

function notSupported(name) {
  return () => {
    throw new Error(`net.${name} is not supported by tinynode`);
  };
}

socketLoaded(Socket);

module.exports = {
  Server,
  Socket,
  Stream: Socket,
  createServer,
  connect,
  createConnection: connect,
  isIP,
  isIPv4,
  isIPv6,
  BlockList: notSupported('BlockList'),
  SocketAddress: notSupported('SocketAddress'),
  getDefaultAutoSelectFamily: () => defaultAutoSelectFamily,
  setDefaultAutoSelectFamily(value) {
    validateBoolean(value, 'value');
    defaultAutoSelectFamily = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout: () => defaultAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateAttemptTimeout(value, 'value');
    defaultAttemptTimeout = Math.max(value, 10);
  },
  _normalizeArgs: normalizeArgs,
  _exceptionWithHostPort: exceptionWithHostPort,
  _errnoException: errnoException,
};
