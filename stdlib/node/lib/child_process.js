'use strict';
// child_process: node's spawn, exec, execFile and their synchronous forms. Book:
// chapter 8, "The event loop" ("Child processes").
//
// spawn makes a ChildProcess (internal/child_process); execFile collects its output
// and calls back (error, stdout, stderr) once it has closed; exec is execFile of a
// shell command line. spawnSync runs the child to its end in the binding
// (stdlib/node/child_process.c: poll() over its pipes, no event loop) and shapes the
// result as node's; execSync and execFileSync throw node's error for a failure. fork
// needs an IPC channel, which tinynode does not have: it throws saying so.

const {
  ChildProcess, errnoException, noIpc, normalizeSpawnArguments, getValidStdio,
  validateTimeout, validateMaxBuffer, sanitizeKillSignal, validateObject, validateFunction,
  validateString, nullCheck,
} = require('internal/child_process');
const binding = require('internal/spawn');
const errors = require('internal/errors');
const validators = require('internal/validators');

const MAX_BUFFER = 1024 * 1024;
const customPromisify = Symbol.for('nodejs.util.promisify.custom');

// ==== spawn ====

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  if (options.signal !== undefined) validateAbortSignal(options.signal);
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();
  child.spawn(options);
  if (options.timeout > 0) {
    let timer = setTimeout(() => {
      if (!timer) return;
      try {
        child.kill(killSignal);
      } catch (err) {
        child.emit('error', err);
      }
      timer = null;
    }, options.timeout);
    child.once('exit', () => {
      if (timer) clearTimeout(timer);
      timer = null;
    });
  }
  if (options.signal) abortWith(child, options.signal, killSignal);
  return child;
}

function validateAbortSignal(signal) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw errors.argType('options.signal', 'an instance of AbortSignal', signal);
  }
}

// options.signal aborts the child: killed with killSignal, 'error' an AbortError.
function abortWith(child, signal, killSignal) {
  const onAbort = () => {
    const { AbortError } = require('internal/event_target');
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    }
  };
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    child.once('exit', () => signal.removeEventListener('abort', onAbort));
  }
}

function fork() {
  throw noIpc('child_process.fork');
}

function _forkChild() {
  throw noIpc('child_process._forkChild');
}

// ==== execFile and exec ====

function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') callback = options;
  else if (options != null) validateObject(options, 'options');
  if (options == null) options = {};
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    nullCheck(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  nullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

// node's genericNodeError: an Error with the properties of extra.
function genericError(message, extra) {
  return Object.assign(new Error(message), extra);
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = { encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM',
              cwd: null, env: null, shell: false, ...options };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const child = spawn(file, args, {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell,
    signal: options.signal, uid: options.uid, windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });
  const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding)
    ? options.encoding : null;
  const out = { stdout: [], stderr: [], stdoutLen: 0, stderrLen: 0 };
  let killed = false, exited = false, timer = null, ex = null;

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timer) clearTimeout(timer), (timer = null);
    if (!callback) return;
    const join = (name) => (encoding || (child[name] && child[name].readableEncoding)
      ? out[name].join('') : Buffer.concat(out[name]));
    const stdout = join('stdout'), stderr = join('stderr');
    let cmd = file;
    if (args.length !== 0) cmd += ` ${args.join(' ')}`;
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (!ex) {
      ex = genericError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? validators.errnoName(code) : code,
        killed: child.killed || killed,
        signal,
      });
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timer = setTimeout(() => {
      kill();
      timer = null;
    }, options.timeout);
  }
  for (const name of ['stdout', 'stderr']) {
    const stream = child[name];
    if (!stream) continue;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      if (options.maxBuffer === Infinity) {
        out[name].push(chunk);
        return;
      }
      const enc = stream.readableEncoding;
      const length = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
      out[name + 'Len'] += length;
      if (out[name + 'Len'] > options.maxBuffer) {
        out[name].push(chunk.slice(0, options.maxBuffer - (out[name + 'Len'] - length)));
        ex = errors.makeError(2, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
          `${name} maxBuffer length exceeded`);
        kill();
      } else {
        out[name].push(chunk);
      }
    });
  }
  child.addListener('close', exithandler);
  child.addListener('error', (e) => {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  });
  return child;
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return module.exports.execFile(opts.file, opts.options, opts.callback);
}

// util.promisify(exec) and (execFile): {stdout, stderr}, or the error with both on it;
// the promise has the ChildProcess as `child`.
function promisified(orig) {
  return (...args) => {
    let resolve, reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

for (const fn of [exec, execFile]) {
  Object.defineProperty(fn, customPromisify, { enumerable: false, value: promisified(fn) });
}

// ==== The synchronous forms ====

function spawnSync(file, args, options) {
  options = { maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  const killSignal = sanitizeKillSignal(options.killSignal);
  const stdio = getValidStdio(options.stdio || 'pipe', true);
  if (options.input) stdio[0] = { ...stdio[0], input: options.input };
  const input = stdio[0].input;
  if (input != null && !ArrayBuffer.isView(input) && typeof input !== 'string') {
    throw errors.argType('options.stdio[0]',
      'of type string or an instance of Buffer, TypedArray, or DataView', input);
  }
  for (let i = 1; i < stdio.length; i++) {
    if (stdio[i].input != null) {
      throw new Error(`child_process: input on stdio[${i}] is not supported by tinynode`);
    }
  }
  const bytes = typeof input === 'string' ? Buffer.from(input, options.encoding) : input;
  const r = binding.spawnSync(options.file, options.args, options.envPairs, options.cwd,
    stdio.map((s) => s.spec), options.detached, options.uid, options.gid,
    stdio[0].type === 'pipe' ? bytes : undefined,
    options.timeout, killSignal === undefined ? 15 : killSignal, options.maxBuffer);
  const result = {};
  if (r.error) {
    result.error = errnoException(r.error, 'spawnSync ' + options.file);
    result.error.path = options.file;
    result.error.spawnargs = options.args.slice(1);
  }
  result.status = r.pid ? r.status : null;
  result.signal = r.pid ? r.signal : null;
  result.output = r.pid ? r.output : null;
  result.pid = r.pid;
  if (result.output && options.encoding && options.encoding !== 'buffer') {
    result.output = result.output.map((b) => (b ? b.toString(options.encoding) : b));
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  if (ret.error) return Object.assign(ret.error, ret);
  if (ret.status === 0) return undefined;
  let msg = 'Command failed: ' + (cmd || args.join(' '));
  if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
  return genericError(msg, ret);
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [options.argv0 || file, ...args]);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

module.exports = {
  _forkChild, ChildProcess, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync,
};
