'use strict';
// internal/fs/dir: fs.opendir's Dir. The directory is read in one request when it is
// opened (on the thread pool, or now for opendirSync), in the directory's own order;
// read() then hands out one Dirent at a time. Book: chapter 11, "Files".

const {
  toPath, getOptions, validateFunction, runSync, runAsync, runPromise, Dirent,
  makeError,
} = require('internal/fs/utils');

const kEntries = Symbol('kDirBufferedEntries');
const kPath = Symbol('kDirPath');
const kClosed = Symbol('kDirClosed');

function closedError() {
  return makeError(0, 'ERR_DIR_CLOSED', 'Directory handle was closed');
}

class Dir {
  constructor(path, [names, types]) {
    this[kPath] = path;
    this[kEntries] = names.map((name, k) => new Dirent(name, types[k], path));
    this[kClosed] = false;
  }

  get path() { return this[kPath]; }

  readSync() {
    if (this[kClosed]) throw closedError();
    return this[kEntries].shift() || null;
  }

  read(callback) {
    if (callback === undefined) return new Promise((resolve, reject) => this.read((e, d) => (e ? reject(e) : resolve(d))));
    validateFunction(callback, 'callback');
    if (this[kClosed]) throw closedError();
    const entry = this[kEntries].shift() || null;
    process.nextTick(callback, null, entry);
  }

  closeSync() {
    if (this[kClosed]) throw closedError();
    this[kClosed] = true;
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kClosed]) return Promise.reject(closedError());
      this[kClosed] = true;
      return Promise.resolve();
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) return process.nextTick(callback, closedError());
    this[kClosed] = true;
    process.nextTick(callback, null);
  }

  async *entries() {
    try {
      for (let entry; (entry = await this.read()) !== null;) yield entry;
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }
}

function* openBody(path) {
  return new Dir(path, yield ['readdir', path, 1, 1]);
}

function prepare(path, options) {
  getOptions(options, { encoding: 'utf8' });
  return toPath(path);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  runAsync(openBody(prepare(path, options)), callback);
}

function opendirSync(path, options) {
  return runSync(openBody(prepare(path, options)));
}

async function opendirPromise(path, options) {
  return runPromise(openBody(prepare(path, options)));
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
