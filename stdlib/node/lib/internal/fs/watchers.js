'use strict';
// internal/fs/watchers: fs.watchFile and fs.unwatchFile, by polling. Each watched file
// has a StatWatcher: a timer that stats the file every `interval` ms on the thread pool
// and emits 'change' (current, previous) when what stat says has changed. A file that
// does not exist stats as all zeros, as in node. Book: chapter 11, "Files".

const EventEmitter = require('events');
const { binding, toPath, validateFunction, validateUint32, Stats } = require('internal/fs/utils');

const watchers = new Map();
const ZERO = new Array(14).fill(0);

class StatWatcher extends EventEmitter {
  constructor(filename, interval, persistent) {
    super();
    this._filename = filename;
    this._last = null;
    this._busy = false;
    binding.stat(filename, (err, fields) => {
      this._last = err ? null : fields; // missing: the first poll reports it, zeros for both
      if (this._timer === null) return;
      this._timer = setInterval(() => this._poll(), interval);
      if (!persistent) this._timer.unref();
    });
    this._timer = undefined;
  }

  _poll() {
    if (this._busy) return;
    this._busy = true;
    binding.stat(this._filename, (err, fields) => {
      this._busy = false;
      const current = err ? ZERO : fields;
      const previous = this._last || ZERO;
      const changed = this._last === null || current.some((v, k) => k !== 10 && v !== previous[k]);
      this._last = current;
      if (this._timer && changed)
        this.emit('change', new Stats(...current), new Stats(...previous));
    });
  }

  stop() {
    if (this._timer) clearInterval(this._timer);
    this._timer = null;
    this.emit('stop');
  }

  ref() { if (this._timer) this._timer.ref(); return this; }
  unref() { if (this._timer) this._timer.unref(); return this; }
}

// watchFile(filename[, options], listener): one watcher per absolute path; options that
// are not an object stand for the listener, as in node.
function watchFile(filename, options, listener) {
  filename = require('path').resolve(toPath(filename, 'filename'));
  if (options === null || typeof options !== 'object') listener = options, options = {};
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let watcher = watchers.get(filename);
  if (!watcher) {
    validateUint32(options.interval, 'interval');
    watcher = new StatWatcher(filename, options.interval, options.persistent);
    watchers.set(filename, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = require('path').resolve(toPath(filename, 'filename'));
  const watcher = watchers.get(filename);
  if (!watcher) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    watchers.delete(filename);
  }
}

module.exports = { watchFile, unwatchFile, StatWatcher };
