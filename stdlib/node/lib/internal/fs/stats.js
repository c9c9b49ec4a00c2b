'use strict';
// internal/fs/stats: the classes fs hands out for what stat, statfs and readdir find:
// Stats (the times as Dates and *Ms, the is*() methods), StatFs and Dirent. Small, so
// that require('fs') can load it at once. Book: chapter 11, "Files".

const { constants } = require('internal/fs');

function dateOf(ms) {
  return new Date(Math.round(ms));
}

//> node.fs-stats
// A Stats from the 14 numbers internal/fs gives (node's order), and the times as Dates.
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
    atimeMs, mtimeMs, ctimeMs, birthtimeMs });
  this.atime = dateOf(atimeMs);
  this.mtime = dateOf(mtimeMs);
  this.ctime = dateOf(ctimeMs);
  this.birthtime = dateOf(birthtimeMs);
}

// The is*() methods: the file type bits of mode.
const TYPES = {
  isDirectory: 'S_IFDIR', isFile: 'S_IFREG', isBlockDevice: 'S_IFBLK',
  isCharacterDevice: 'S_IFCHR', isSymbolicLink: 'S_IFLNK', isFIFO: 'S_IFIFO', isSocket: 'S_IFSOCK',
};
for (const [method, type] of Object.entries(TYPES)) {
  Object.defineProperty(Stats.prototype, method, {
    value: { [method]() { return (this.mode & constants.S_IFMT) === constants[type]; } }[method],
    writable: true, configurable: true,
  });
}
//< node.fs-stats

// statfs's answer.
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    Object.assign(this, { type, bsize, blocks, bfree, bavail, files, ffree });
  }
}

// ==== Dirent ====

const kType = Symbol('type');
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

module.exports = { Stats, StatFs, Dirent, kType };
