'use strict';
// path: require('path'), which on POSIX is path.posix: the string work done in C
// (internal/path, stdlib/node/path.c), parse and format here, and path.win32
// (internal/path/win32) beside it, each linking to the other. Book: chapter 11, "Files".

const native = require('internal/path');
const { win32, validateString, scanLast, fillName, formatWith } = require('internal/path/win32');
const { makeError } = require('internal/errors');

const isSlash = (c) => c === 0x2f;

function toNamespacedPath(path) {
  return path;
}

// { root, dir, base, ext, name } of a POSIX path.
function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return ret;
  const absolute = path.charCodeAt(0) === 0x2f;
  if (absolute) ret.root = '/';
  // As node's, the name ".." counts as having an extension after a root ("/.." has ".").
  const scan = scanLast(path, absolute ? 1 : 0, isSlash, 0);
  const startPart = scan.startPart === 0 && absolute ? 1 : scan.startPart;
  fillName(ret, path, scan, startPart);
  if (scan.startPart > 0) ret.dir = path.slice(0, scan.startPart - 1);
  else if (absolute) ret.dir = '/';
  return ret;
}

// Glob matching needs node's minimatch port, which tinynode does not have.
function matchesGlob(path, pattern) {
  throw makeError(0, 'ERR_NOT_SUPPORTED', 'path.matchesGlob is not supported by tinynode');
}

const posix = {
  resolve: native.resolve,
  normalize: native.normalize,
  isAbsolute: native.isAbsolute,
  join: native.join,
  relative: native.relative,
  toNamespacedPath,
  dirname: native.dirname,
  basename: native.basename,
  extname: native.extname,
  format: formatWith('/'),
  parse,
  matchesGlob,
  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong: toNamespacedPath,
};
win32.matchesGlob = matchesGlob;
posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

module.exports = posix;
