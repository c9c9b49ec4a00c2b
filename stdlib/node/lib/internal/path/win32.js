'use strict';
// internal/path/win32: path.win32, node's rules for Windows paths, on any system; and
// what path.posix shares with it (the last-segment scan, format). Book: chapter 11,
// "Files" ("Paths").
//
// A Windows path has both "\" and "/" as separators and may start with a root of its
// own: a drive ("C:", absolute as "C:\"), a UNC share ("\\server\share"), or a namespace
// ("\\?\", "\\.\", which look like a share named "?" or "."). Everything else is the
// POSIX algorithm with "\" as the separator and drive letters compared case-blind.

const { argType } = require('internal/errors');

const isSep = (c) => c === 0x2f || c === 0x5c;
const isDriveLetter = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const hasDrive = (p) => p.length >= 2 && isDriveLetter(p.charCodeAt(0)) && p.charCodeAt(1) === 0x3a;

function validateString(value, name) {
  if (typeof value !== 'string') throw argType(name, 'of type string', value);
}

// The segments of path resolved: "." and empty ones dropped, ".." climbing (kept at
// the front when allowAboveRoot), joined with sep.
function normalizeSegments(path, allowAboveRoot, sep, isSeparator) {
  const out = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSeparator(path.charCodeAt(i))) continue;
    const segment = path.slice(start, i);
    start = i + 1;
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (allowAboveRoot) out.push('..');
  }
  return out.join(sep);
}

// The root of a Windows path: device ("C:", "\\server\share" or undefined), where the
// root ends, whether it is absolute, and uncOnly when the path is a bare share. With
// namespaces (normalize and resolve), "\\.\" and "\\?\" are the device and what
// follows is the path ("\\.\pipe\x": device "\\.", tail "pipe\x").
function parseRoot(path, namespaces = false) {
  const len = path.length;
  const root = { device: undefined, end: 0, absolute: false, uncOnly: false };
  const c = path.charCodeAt(0);
  if (len === 0) return root;
  if (isSep(c)) {
    root.absolute = true;
    root.end = 1;
    if (len > 1 && isSep(path.charCodeAt(1))) parseUnc(path, root, namespaces);
  } else if (hasDrive(path)) {
    root.device = path.slice(0, 2);
    root.end = 2;
    if (len > 2 && isSep(path.charCodeAt(2))) (root.absolute = true), (root.end = 3);
  }
  return root;
}

// "\\server\share": both names present, separated by one or more separators.
function parseUnc(path, root, namespaces) {
  const len = path.length;
  let j = 2;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  if (j >= len || j === 2) return;
  const server = path.slice(2, j);
  while (j < len && isSep(path.charCodeAt(j))) j++;
  if (j >= len) return;
  const shareStart = j;
  if (namespaces && (server === '.' || server === '?')) {
    root.device = `\\\\${server}`;
    root.end = shareStart;
    return;
  }
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  root.device = `\\\\${server}\\${path.slice(shareStart, j)}`;
  root.end = j;
  root.uncOnly = j === len;
}

// ==== resolve, normalize, join ====

// A drive's own current directory ("=C:" in the environment), else the drive's root.
function driveCwd(device) {
  const path = process.env[`=${device}`] || process.cwd();
  if (path.slice(0, 2).toLowerCase() !== device.toLowerCase() && path.charCodeAt(2) === 0x5c) return `${device}\\`;
  return path;
}

function resolve(...args) {
  let device = '', tail = '', absolute = false;
  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else path = device.length === 0 ? process.cwd() : driveCwd(device);
    const root = parseRoot(path, true);
    if (root.device !== undefined) {
      if (device.length === 0) device = root.device;
      else if (root.device.toLowerCase() !== device.toLowerCase()) continue;
    }
    if (absolute) {
      if (device.length > 0) break;
    } else {
      tail = `${path.slice(root.end)}\\${tail}`;
      absolute = root.absolute;
      if (absolute && device.length > 0) break;
    }
  }
  tail = normalizeSegments(tail, !absolute, '\\', isSep);
  return absolute ? `${device}\\${tail}` : `${device}${tail}` || '.';
}

function normalize(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return path === '/' ? '\\' : path;
  const root = parseRoot(path, true);
  if (root.uncOnly) return `${root.device}\\`;
  const colon = path.indexOf(':');
  if (root.device === undefined && !root.absolute && colon > 0 && isReservedName(path, colon)) {
    root.device = path.slice(0, colon + 1);
    root.end = colon + 1;
  }
  let tail = root.end < len ? normalizeSegments(path.slice(root.end), !root.absolute, '\\', isSep) : '';
  if (tail.length === 0 && !root.absolute) tail = '.';
  if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += '\\';
  if (!root.absolute && root.device === undefined && mightLookAbsolute(path, tail)) return `.\\${tail}`;
  if (isReservedName(path, colon)) return `.\\${root.device ?? ''}${tail}`;
  if (root.device === undefined) return root.absolute ? `\\${tail}` : tail;
  return root.absolute ? `${root.device}\\${tail}` : `${root.device}${tail}`;
}

// Windows' device names, which a path must not turn into ("CON:", or "CON " read as
// "CON"). As node 20.20 checks it: the text before the first ":", or with no ":" all
// but the last character (so "CON " and "CON\\" count, "CON" does not).
const RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6',
  'COM7', 'COM8', 'COM9', 'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3', 'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3']);
const isReservedName = (path, colon) => RESERVED.has(path.slice(0, colon).toUpperCase());

// A relative path whose normal form Windows could read as a drive ("a:b") or a stream
// ("x:\\y", "name:"): node puts ".\\" in front of it.
function mightLookAbsolute(path, tail) {
  if (!path.includes(':')) return false;
  if (hasDrive(tail)) return true;
  for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1))
    if (i === path.length - 1 || isSep(path.charCodeAt(i + 1))) return true;
  return false;
}

function isAbsolute(path) {
  validateString(path, 'path');
  if (path.length === 0) return false;
  return isSep(path.charCodeAt(0)) || (hasDrive(path) && path.length > 2 && isSep(path.charCodeAt(2)));
}

// Joined with "\" and normalised; leading separators collapse to one unless the first
// part plainly names a UNC share ("//server" joined with "share").
function join(...args) {
  let joined, first;
  for (const arg of args) {
    validateString(arg, 'path');
    if (arg.length === 0) continue;
    if (joined === undefined) joined = first = arg;
    else joined += `\\${arg}`;
  }
  if (joined === undefined) return '.';
  let leading = 0;
  while (leading < first.length && leading < 3 && isSep(first.charCodeAt(leading))) leading++;
  const unc = leading === 2 && first.length > 2;
  if (!unc) {
    while (leading < joined.length && isSep(joined.charCodeAt(leading))) leading++;
    if (leading >= 2) joined = `\\${joined.slice(leading)}`;
  }
  return normalize(joined);
}

// ==== relative ====

// The resolved paths compared case-blind; the answer keeps to's own case.
function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromOrig = resolve(from), toOrig = resolve(to);
  if (fromOrig === toOrig) return '';
  from = fromOrig.toLowerCase();
  to = toOrig.toLowerCase();
  if (from === to) return '';
  const [fromStart, fromEnd] = trimBackslashes(from);
  let [toStart, toEnd] = trimBackslashes(to);
  const fromLen = fromEnd - fromStart, toLen = toEnd - toStart;
  const length = Math.min(fromLen, toLen);
  let common = -1, i = 0;
  for (; i < length; i++) {
    const c = from.charCodeAt(fromStart + i);
    if (c !== to.charCodeAt(toStart + i)) break;
    if (c === 0x5c) common = i;
  }
  if (i !== length) {
    if (common === -1) return toOrig;
  } else {
    if (toLen > length) {
      if (to.charCodeAt(toStart + i) === 0x5c) return toOrig.slice(toStart + i + 1);
      if (i === 2) return toOrig.slice(toStart + i);
    }
    if (fromLen > length) {
      if (from.charCodeAt(fromStart + i) === 0x5c) common = i;
      else if (i === 2) common = 3;
    }
    if (common === -1) common = 0;
  }
  let out = '';
  for (i = fromStart + common + 1; i <= fromEnd; i++)
    if (i === fromEnd || from.charCodeAt(i) === 0x5c) out += out.length === 0 ? '..' : '\\..';
  toStart += common;
  if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
  if (toOrig.charCodeAt(toStart) === 0x5c) toStart++;
  return toOrig.slice(toStart, toEnd);
}

// Where a resolved path starts and ends without its leading and trailing backslashes.
function trimBackslashes(p) {
  let start = 0, end = p.length;
  while (start < p.length && p.charCodeAt(start) === 0x5c) start++;
  while (end - 1 > start && p.charCodeAt(end - 1) === 0x5c) end--;
  return [start, end];
}

function toNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolve(path);
  if (resolved.length <= 2) return path;
  if (resolved.startsWith('\\\\')) {
    const c = resolved[2];
    if (c !== '?' && c !== '.') return `\\\\?\\UNC\\${resolved.slice(2)}`;
  } else if (hasDrive(resolved) && resolved.charCodeAt(2) === 0x5c) return `\\\\?\\${resolved}`;
  return resolved;
}

// ==== The last segment ====

// Scans back from the end to start for the last segment: where it starts (startPart,
// else partStart) and ends, and where its extension starts (dot, -1 if it has none).
function scanLast(path, start, isSeparator, partStart = start) {
  let startPart = partStart, end = -1, startDot = -1, preDot = 0;
  for (let i = path.length - 1; i >= start; i--) {
    const c = path.charCodeAt(i);
    if (isSeparator(c)) {
      if (end !== -1) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) end = i + 1;
    if (c === 0x2e) {
      if (startDot === -1) startDot = i;
      else if (preDot !== 1) preDot = 1;
    } else if (startDot !== -1) preDot = -1;
  }
  // No extension: no dot, only dots before it ("..."), or the name is "..".
  const noExt = startDot === -1 || preDot === 0 || (preDot === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startPart, end, dot: end === -1 || noExt ? -1 : startDot };
}

function dirname(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(path.charCodeAt(0)) ? path : '.';
  const root = parseRoot(path);
  if (root.uncOnly) return path;
  let rootEnd = root.device === undefined && !root.absolute ? -1 : root.end;
  if (root.device !== undefined && root.device.startsWith('\\\\')) rootEnd = root.end + 1;
  const offset = rootEnd === -1 ? 0 : rootEnd;
  let end = -1, matched = true;
  for (let i = len - 1; i >= offset; i--) {
    if (isSep(path.charCodeAt(i))) {
      if (!matched) {
        end = i;
        break;
      }
    } else matched = false;
  }
  if (end === -1) {
    if (rootEnd === -1) return '.';
    end = rootEnd;
  }
  return path.slice(0, end);
}

function basename(path, suffix = undefined) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  return baseOf(path, suffix, hasDrive(path) ? 2 : 0, isSep);
}

// The last segment, less suffix: node's scan, which matches suffix from the end while
// it looks for the segment's start (so a suffix matched only in part, right up to the
// start of the path, keeps the trailing separators: basename('1:\\', '.1:') is '1:\\').
function baseOf(path, suffix, start, isSeparator) {
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    const { startPart, end } = scanLast(path, start, isSeparator);
    return end === -1 ? '' : path.slice(startPart, end);
  }
  if (suffix === path) return '';
  let end = -1, firstNonSlashEnd = -1, extIdx = suffix.length - 1;
  for (let i = path.length - 1; i >= start; i--) {
    const c = path.charCodeAt(i);
    if (isSeparator(c)) {
      if (firstNonSlashEnd !== -1) {
        start = i + 1;
        break;
      }
      continue;
    }
    if (firstNonSlashEnd === -1) firstNonSlashEnd = i + 1;
    if (extIdx < 0) continue;
    if (c === suffix.charCodeAt(extIdx)) {
      if (--extIdx === -1) end = i;
    } else (extIdx = -1), (end = firstNonSlashEnd);
  }
  if (start === end) end = firstNonSlashEnd;
  else if (end === -1) end = path.length;
  return path.slice(start, end);
}

function extname(path) {
  validateString(path, 'path');
  const { end, dot } = scanLast(path, hasDrive(path) ? 2 : 0, isSep);
  return dot === -1 ? '' : path.slice(dot, end);
}

// { root, dir, base, ext, name }; dir keeps the root's trailing separator ("C:\").
function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return ret;
  if (len === 1) {
    if (isSep(path.charCodeAt(0))) ret.root = ret.dir = path;
    else ret.base = ret.name = path;
    return ret;
  }
  const root = parseRoot(path);
  let rootEnd = root.end;
  if (root.device !== undefined && root.device.startsWith('\\\\') && !root.uncOnly) rootEnd++;
  if (root.device !== undefined && !root.device.startsWith('\\\\') && (len === 2 || (len === 3 && root.absolute))) {
    ret.root = ret.dir = path;
    return ret;
  }
  if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
  fillName(ret, path, scanLast(path, rootEnd, isSep));
  const startPart = scanLast(path, rootEnd, isSep).startPart;
  ret.dir = startPart > 0 && startPart !== rootEnd ? path.slice(0, startPart - 1) : ret.root;
  return ret;
}

function fillName(ret, path, { startPart, end, dot }, start = startPart) {
  if (end === -1) return;
  ret.base = path.slice(start, end);
  ret.name = dot === -1 ? ret.base : path.slice(start, dot);
  if (dot !== -1) ret.ext = path.slice(dot, end);
}

// format: dir (or root) and base (or name and ext) joined by sep.
function format(sep, pathObject) {
  if (pathObject === null || typeof pathObject !== 'object') throw argType('pathObject', 'of type object', pathObject);
  const dir = pathObject.dir || pathObject.root;
  const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
  const base = pathObject.base || `${pathObject.name || ''}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// format bound to a separator, named as node's bound function is.
function formatWith(sep) {
  const bound = (pathObject) => format(sep, pathObject);
  Object.defineProperty(bound, 'name', { value: 'bound _format' });
  return bound;
}

const win32 = {
  resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname,
  format: formatWith('\\'), parse,
  matchesGlob: undefined, sep: '\\', delimiter: ';', win32: null, posix: null, _makeLong: toNamespacedPath,
};

module.exports = { win32, validateString, scanLast, fillName, baseOf, formatWith };
