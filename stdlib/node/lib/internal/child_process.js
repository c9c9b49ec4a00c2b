'use strict';
// internal/child_process: the ChildProcess class and what both spawns share: node's
// checks of the arguments and the options, the stdio description, the errors. Book:
// chapter 8, "The event loop" ("Child processes").
//
// A ChildProcess is an EventEmitter over a Process handle of the native binding
// (stdlib/node/child_process.c, on runtime/child.c): spawn() starts the child, each
// 'pipe' of its stdio becomes a net.Socket over our end of a socketpair (internal/tcp's
// open), and the handle's onexit, called from the loop after SIGCHLD, emits 'exit'.
// 'close' follows once the child has exited AND each of its output streams has closed
// (node's _closesNeeded / _closesGot count).

const EventEmitter = require('events');
const binding = require('internal/spawn');
const tcp = require('internal/tcp');
const errors = require('internal/errors');
const validators = require('internal/validators');
const { constants: { signals } } = require('os');

const UV_ENOENT = -2, UV_EACCES = -13, UV_EAGAIN = -11, UV_EMFILE = -24, UV_ENFILE = -23;
const UV_ESRCH = -3, UV_EINVAL = -22, UV_ENOSYS = -38;

// ==== node's errors ====

// "spawn nosuchcmd ENOENT", with errno, code and syscall (node's ErrnoException).
function errnoException(err, syscall) {
  const code = validators.errnoName(err) || 'UNKNOWN';
  const e = new Error(`${syscall} ${code}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

function noIpc(what) {
  return errors.makeError(0, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
    `${what} is not supported by tinynode: it has no IPC channel between processes`);
}

// ==== Checks ====

function validateString(value, name) {
  if (typeof value !== 'string') throw errors.argType(name, 'of type string', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw errors.argType(name, 'of type boolean', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw errors.argType(name, 'of type object', value);
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.argType(name, 'of type function', value);
}

function validateInt32(value, name) {
  if (typeof value !== 'number') throw errors.argType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < -2147483648 || value > 2147483647) {
    throw errors.outOfRange(name, '>= -2147483648 && <= 2147483647', value);
  }
}

// A string that the C side will cut at its first NUL would run something else.
function nullCheck(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw errors.argValue(name, value, 'must be a string without null bytes');
  }
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw errors.outOfRange('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw errors.outOfRange('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

// A signal's number from its name or number, or node's ERR_UNKNOWN_SIGNAL.
function convertToValidSignal(signal) {
  if (typeof signal === 'number') {
    for (const name in signals) if (signals[name] === signal) return signal;
  } else if (typeof signal === 'string') {
    const n = signals[signal.toUpperCase()];
    if (n) return n;
  }
  const message = require('util').format('Unknown signal: %s', signal);
  throw errors.makeError(1, 'ERR_UNKNOWN_SIGNAL', message);
}

function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  }
  if (killSignal != null) {
    throw errors.argType('options.killSignal', 'one of type string or number', killSignal);
  }
}

// ==== The arguments of every spawn ====

// (file, args, options) as the binding takes them: the shell's command line when
// options.shell asks for one, argv0 first in args, the environment as 'KEY=value'.
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  nullCheck(file, 'file');
  if (file.length === 0) throw errors.argValue('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw errors.argType('args', 'of type object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) nullCheck(args[i], `args[${i}]`);
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  let cwd = options.cwd;
  if (cwd != null) {
    if (cwd instanceof URL) cwd = require('url').fileURLToPath(cwd);
    else if (Buffer.isBuffer(cwd)) cwd = cwd.toString();
    if (typeof cwd !== 'string') {
      throw errors.argType('options.cwd', 'of type string or an instance of Buffer or URL', cwd);
    }
    nullCheck(cwd, 'options.cwd');
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null) validateInt32(options.uid, 'options.uid');
  if (options.gid != null) validateInt32(options.gid, 'options.gid');
  const shell = options.shell;
  if (shell != null && typeof shell !== 'boolean' && typeof shell !== 'string') {
    throw errors.argType('options.shell', 'one of type boolean or string', options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    nullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  if (options.shell) {
    const command = args.length ? `${file} ${args.join(' ')}` : file;
    nullCheck(command, 'command');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    nullCheck(key, `options.env['${key}']`);
    nullCheck(value, `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }
  return { ...options, args, cwd, detached: !!options.detached, envPairs, file,
           windowsHide: !!options.windowsHide,
           windowsVerbatimArguments: !!options.windowsVerbatimArguments };
}

// ==== stdio ====

// node's getValidStdio: one entry per child fd, as the binding takes it ('pipe',
// 'ignore', or an fd of ours), plus whether it is a pipe and, for spawnSync, its input.
function getValidStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    if (stdio === 'ignore' || stdio === 'pipe' || stdio === 'overlapped' || stdio === 'inherit') {
      stdio = [stdio, stdio, stdio];
    } else {
      throw errors.argValue('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw errors.argValue('stdio', stdio);
  }
  stdio = stdio.slice();
  while (stdio.length < 3) stdio.push(undefined);
  return stdio.map((s, i) => {
    if (s == null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') return { type: 'ignore', spec: 'ignore' };
    if (s === 'pipe' || s === 'overlapped') return { type: 'pipe', spec: 'pipe' };
    if (s === 'inherit') return { type: 'fd', spec: i };
    if (s === 'ipc') throw noIpc("stdio 'ipc'");
    if (typeof s === 'number') return { type: 'fd', spec: s };
    if (s !== null && typeof s === 'object' && typeof s.fd === 'number') {
      return { type: 'fd', spec: s.fd }; // a stream over an fd: process.stdout, say
    }
    if (ArrayBuffer.isView(s) || typeof s === 'string') {
      if (!sync) throw errors.makeError(1, 'ERR_INVALID_SYNC_FORK_INPUT',
        'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ' +
        require('util').inspect(s));
      return { type: 'pipe', spec: 'pipe', input: s };
    }
    throw errors.argValue('stdio', s);
  });
}

// ==== ChildProcess ====

function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

// The child ended (or, exitCode < 0, never started): 'exit' or 'error', then 'close'
// once the output streams have closed too.
ChildProcess.prototype._onexit = function (exitCode, signalCode) {
  if (signalCode) this.signalCode = signalCode;
  else this.exitCode = exitCode;
  if (this.stdin) this.stdin.destroy();
  this._handle = null;
  if (exitCode < 0) {
    const syscall = this.spawnfile ? 'spawn ' + this.spawnfile : 'spawn';
    const err = errnoException(exitCode, syscall);
    if (this.spawnfile) err.path = this.spawnfile;
    err.spawnargs = this.spawnargs.slice(1);
    this.emit('error', err);
  } else {
    this.emit('exit', this.exitCode, this.signalCode);
  }
  process.nextTick(flushStdio, this);
  maybeClose(this);
};

// Output nobody reads is still read to its end, so that its stream closes.
function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (const stream of stdio) {
    if (!stream || !stream.readable || stream._readableState.readableListening) continue;
    if (!stream._handle) stream.destroy();
    else stream.resume();
  }
}

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

function createSocket(fd, readable) {
  const net = require('net');
  const handle = fd >= 0 ? tcp.open(fd) : null;
  if (typeof handle === 'number') return net.Socket({ readable });
  return handle ? net.Socket({ handle, readable }) : net.Socket({ readable });
}

ChildProcess.prototype.spawn = function (options) {
  validateObject(options, 'options');
  const stdio = getValidStdio(options.stdio || 'pipe', false);
  validateString(options.file, 'options.file');
  this.spawnfile = options.file;
  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    if (!Array.isArray(options.args)) {
      throw errors.argType('options.args', 'an instance of Array', options.args);
    }
    this.spawnargs = options.args;
  }
  const handle = binding.spawn(options.file, this.spawnargs, options.envPairs, options.cwd,
    stdio.map((s) => s.spec), options.detached, options.uid, options.gid);
  let err = 0;
  if (typeof handle === 'number') {
    err = handle;
    if ([UV_EACCES, UV_EAGAIN, UV_EMFILE, UV_ENFILE, UV_ENOENT].includes(err)) {
      process.nextTick(() => this._onexit(err));
      if (err === UV_EMFILE || err === UV_ENFILE) return err;
    } else {
      throw errnoException(err, 'spawn');
    }
  } else {
    this._handle = handle;
    handle.onexit = (code, signal) => this._onexit(code, signal);
    process.nextTick(() => this.emit('spawn'));
    this.pid = handle.pid;
  }
  if (err) this.pid = undefined;
  const sockets = [];
  for (let i = 0; i < stdio.length; i++) {
    let socket = null;
    if (stdio[i].type === 'pipe') {
      socket = createSocket(handle && handle.fds ? handle.fds[i] : -1, i > 0);
      if (i > 0 && !err) {
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
      }
    }
    sockets.push(socket);
  }
  this.stdin = sockets[0];
  this.stdout = sockets[1];
  this.stderr = sockets[2];
  this.stdio = sockets;
  return err;
};

ChildProcess.prototype.kill = function (sig) {
  const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle) {
    const err = binding.kill(this._handle, signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      // already dead
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw errnoException(err, 'kill');
    } else {
      this.emit('error', errnoException(err, 'kill'));
    }
  }
  return false;
};

ChildProcess.prototype.ref = function () {
  if (this._handle) binding.ref(this._handle, true);
};

ChildProcess.prototype.unref = function () {
  if (this._handle) binding.ref(this._handle, false);
};

module.exports = {
  ChildProcess, errnoException, noIpc, normalizeSpawnArguments, getValidStdio,
  validateTimeout, validateMaxBuffer, sanitizeKillSignal, validateObject, validateFunction,
  validateString, nullCheck, convertToValidSignal,
};
