'use strict';
// internal/fs/dir: fs.opendir's Dir. The directory is read in one request when it is
// opened (on the thread pool, or now for opendirSync), in the directory's own order;
// read() then hands out one Dirent at a time. Book: chapter 11, "Files".

const {
  toPath, getOptions, validateFunction, validateInteger, runSync, runAsync, runPromise, Dirent,
  encodedName, makeError,
} = require('internal/fs/utils');

const kEntries = Symbol('kDirBufferedEntries');
const kPath = Symbol('kDirPath');
const kClosed = Symbol('kDirClosed');

function closedError() {
  return makeError(0, 'ERR_DIR_CLOSED', 'Directory handle was closed');
}

class Dir {
  constructor(path, entries) {
    this[kPath] = path;
    this[kEntries] = entries;
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

// A directory's entries in its own order; with recursive, then those of each directory
// found, in the order found (node reads a subdirectory after the one it is in). forDir
// is 1 for opendirSync, whose error names no path, 2 for the others.
function* openBody(forDir, path, options) {
  const entries = [];
  const add = ([names, types], dir) => names.forEach((name, k) =>
    entries.push(new Dirent(encodedName(name, options), types[k], dir)));
  add(yield ['readdir', path, 1, forDir], path);
  for (let k = 0; options.recursive && k < entries.length; k++) {
    if (!entries[k].isDirectory()) continue;
    const dir = require('path').join(entries[k].parentPath, entries[k].name);
    add(yield ['readdir', dir, 1, forDir], dir);
  }
  return new Dir(path, entries);
}

// opendir's arguments, checked as node checks them: the path, then [path, options].
function prepare(path, options) {
  path = toPath(path);
  options = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
  validateInteger(options.bufferSize, 'options.bufferSize', 1, 4294967295);
  return [path, options];
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  runAsync(openBody(2, ...prepare(path, options)), callback);
}

function opendirSync(path, options) {
  return runSync(openBody(1, ...prepare(path, options)));
}

async function opendirPromise(path, options) {
  return runPromise(openBody(2, ...prepare(path, options)));
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
