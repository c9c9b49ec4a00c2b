'use strict';
// url: require('url'). The WHATWG URL classes (internal/url), the file-URL helpers, and
// node's legacy API: url.parse into a Url object, url.format, url.resolve and
// resolveObject, which predate the standard and keep their own rules (a host ends at the
// first "/", "?" or "#"; "\" becomes "/"; some characters are escaped; nothing is
// normalised but a resolved path's dots). Book: chapter 11, "Files" ("URLs").

const { URL, URLSearchParams } = require('internal/url');
const parser = require('internal/url/parser');
const idna = require('internal/url/idna');
const { codes, argType, makeError } = require('internal/errors');

const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const unsafeProtocol = hostlessProtocol;

let querystring;
const qs = () => querystring || (querystring = require('querystring'));

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const object = new Url();
  object.parse(url, parseQueryString, slashesDenoteHost);
  return object;
}

// ==== url.parse ====

const WHITESPACE = new Set([0x20, 0x09, 0x0d, 0x0a, 0x0c, 0xa0, 0xfeff]);

// The input without surrounding whitespace, each "\" before the first "?" or "#" as "/";
// and whether it holds a "#", or an "@" before them (either rules out the fast path).
function trimInput(url) {
  let start = 0, end = url.length;
  while (start < end && WHITESPACE.has(url.charCodeAt(start))) start++;
  while (end > start && WHITESPACE.has(url.charCodeAt(end - 1))) end--;
  let rest = '', split = false, hasHash = false, hasAt = false;
  for (let i = start; i < end; i++) {
    const ch = url[i];
    if (!split && ch === '\\') rest += '/';
    else rest += ch;
    if (ch === '#') (hasHash = true), (split = true);
    else if (ch === '?') split = true;
    else if (ch === '@' && !split) hasAt = true;
  }
  return { rest, hasHash, hasAt };
}

const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;

// A bare path ("/p?q"): node's fast path, which escapes nothing.
function parseSimplePath(self, rest, parseQueryString) {
  const simple = simplePathPattern.exec(rest);
  if (!simple) return false;
  self.path = rest;
  self.href = rest;
  self.pathname = simple[1];
  if (simple[2]) {
    self.search = simple[2];
    self.query = parseQueryString ? qs().parse(self.search.slice(1)) : self.search.slice(1);
  } else if (parseQueryString) {
    self.search = null;
    self.query = { __proto__: null };
  }
  return true;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw argType('url', 'of type string', url);
  let { rest, hasHash, hasAt } = trimInput(url);
  if (!slashesDenoteHost && !hasHash && !hasAt && parseSimplePath(this, rest, parseQueryString)) return this;

  const proto = /^[a-z0-9.+-]+:/i.exec(rest);
  let lowerProto;
  if (proto) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }
  let slashes = false;
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto[0]))))
    rest = parseAuthority(this, rest, url);
  if (!unsafeProtocol.has(lowerProto)) rest = autoEscape(rest);
  parseTail(this, rest, parseQueryString);
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Never allowed in a host (RFC 2396): a host ends before one, unless an "@" follows.
const NON_HOST = new Set('\t\n\r "%\';<>\\^`{|}');

// The authority: auth before the last "@" that comes before the host ends; then the host
// and port. Returns what follows.
function parseAuthority(self, rest, url) {
  let hostEnd = -1, atSign = -1, nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; i++) {
    const ch = rest[i];
    if (NON_HOST.has(ch)) {
      if (nonHost === -1) nonHost = i;
    } else if (ch === '#' || ch === '/' || ch === '?') {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (ch === '@') {
      atSign = i;
      nonHost = -1;
    }
  }
  let start = 0;
  if (atSign !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) (self.host = rest.slice(start)), (rest = '');
  else (self.host = rest.slice(start, nonHost)), (rest = rest.slice(nonHost));
  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';
  const ipv6 = isIpv6Hostname(self.hostname);
  if (!ipv6) rest = splitHostname(self, rest, self.hostname, url);
  self.hostname = self.hostname.length > 255 ? '' : self.hostname.toLowerCase();
  if (self.hostname !== '') checkHostname(self, ipv6, url);
  self.host = (self.hostname || '') + (self.port ? ':' + self.port : '');
  if (ipv6) {
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = '/' + rest;
  }
  return rest;
}

const isIpv6Hostname = (h) => h.charCodeAt(0) === 0x5b && h.charCodeAt(h.length - 1) === 0x5d;

function invalidUrl(url) {
  const e = makeError(1, 'ERR_INVALID_URL', 'Invalid URL');
  e.input = url;
  return e;
}

// A host ends at "/", "\", "#", "?" or ":" (what is after becomes the path); a ":"
// there is an invalid port, which node accepts with a warning.
function splitHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; i++) {
    const ch = hostname[i];
    if (ch !== '/' && ch !== '\\' && ch !== '#' && ch !== '?' && ch !== ':') continue;
    if (ch === ':')
      process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
        'DeprecationWarning', 'DEP0170');
    self.hostname = hostname.slice(0, i);
    return `/${hostname.slice(i)}${rest}`;
  }
  return rest;
}

const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

// A hostname to ASCII (Punycode); one that cannot be, or gains forbidden characters
// that way, makes the whole URL invalid.
function checkHostname(self, ipv6, url) {
  if (ipv6) {
    if (forbiddenHostCharsIpv6.test(self.hostname)) throw invalidUrl(url);
    return;
  }
  self.hostname = idna.domainToASCII(self.hostname) || '';
  if (self.hostname === '' || forbiddenHostChars.test(self.hostname)) throw invalidUrl(url);
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = /:[0-9]*$/.exec(host);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

const ESCAPED = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const autoEscape = (rest) => rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (ch) => ESCAPED[ch]);

// The path, search (and query) and hash.
function parseTail(self, rest, parseQueryString) {
  let question = -1, hash = -1;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '#') {
      self.hash = rest.slice(i);
      hash = i;
      break;
    }
    if (rest[i] === '?' && question === -1) question = i;
  }
  if (question !== -1) {
    const end = hash === -1 ? rest.length : hash;
    self.search = rest.slice(question, end);
    self.query = rest.slice(question + 1, end);
    if (parseQueryString) self.query = qs().parse(self.query);
  } else if (parseQueryString) {
    self.search = null;
    self.query = { __proto__: null };
  }
  const first = question !== -1 && (hash === -1 || question < hash) ? question : hash;
  if (first === -1) {
    if (rest.length > 0) self.pathname = rest;
  } else if (first > 0) self.pathname = rest.slice(0, first);
}

// ==== url.format ====

// Auth is escaped as encodeURIComponent would, but for ":".
const escapeAuth = (auth) => encodeURIComponent(auth).replace(/%3A/g, ':');

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = escapeAuth(auth) + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) host = auth + this.host;
  else if (this.hostname) {
    const h = this.hostname;
    host = auth + (h.includes(':') && !isIpv6Hostname(h) ? `[${h}]` : h);
    if (this.port) host += ':' + this.port;
  }
  let query = '';
  if (this.query !== null && typeof this.query === 'object') query = qs().stringify(this.query);
  let search = this.search || (query && '?' + query) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[#?]/g, (ch) => (ch === '#' ? '%23' : '%3F'));
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.startsWith('file')) host = '//';
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  return protocol + host + pathname + search + hash;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') urlObject = urlParse(urlObject);
  else if (typeof urlObject !== 'object' || urlObject === null)
    throw argType('urlObject', 'one of type object or string', urlObject);
  else if (urlObject instanceof URL) return formatWhatwg(urlObject, options);
  return Url.prototype.format.call(urlObject);
}

// A WHATWG URL's href without the parts options turn off.
function formatWhatwg(url, options) {
  let fragment = true, unicode = false, search = true, auth = true;
  if (options !== undefined) {
    if (options === null || typeof options !== 'object') throw argType('options', 'of type object', options);
    if (options.fragment != null) fragment = Boolean(options.fragment);
    if (options.unicode != null) unicode = Boolean(options.unicode);
    if (options.search != null) search = Boolean(options.search);
    if (options.auth != null) auth = Boolean(options.auth);
  }
  const copy = new URL(url.href);
  if (!fragment) copy.hash = '';
  if (!search) copy.search = '';
  if (!auth) (copy.username = ''), (copy.password = '');
  let href = copy.href;
  if (unicode && copy.hostname) {
    const at = href.indexOf(copy.hostname, copy.protocol.length);
    href = href.slice(0, at) + idna.domainToUnicode(copy.hostname) + href.slice(at + copy.hostname.length);
  }
  return href;
}

// ==== url.resolve ====

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function copyInto(target, source, except) {
  for (const key of Object.keys(source)) if (key !== except) target[key] = source[key];
}

const setPath = (result) => {
  if (result.pathname !== null || result.search !== null)
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
};

function finish(result) {
  result.href = result.format();
  return result;
}

// The relative reference resolved against this, as node's legacy resolver does it.
Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  copyInto(result, this);
  result.hash = relative.hash;
  if (relative.href === '') return finish(result);
  if (relative.slashes && !relative.protocol) {
    copyInto(result, relative, 'protocol');
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname)
      result.path = result.pathname = '/';
    return finish(result);
  }
  if (relative.protocol && relative.protocol !== result.protocol) return resolveOtherProtocol(result, relative);
  return resolvePath(result, relative);
};

// A relative URL with its own protocol: a slashed one keeps a host of its own.
function resolveOtherProtocol(result, relative) {
  if (!slashedProtocol.has(relative.protocol)) {
    copyInto(result, relative);
    return finish(result);
  }
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
    const relPath = (relative.pathname || '').split('/');
    while (relPath.length && !(relative.host = relPath.shift()));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (relPath[0] !== '') relPath.unshift('');
    if (relPath.length < 2) relPath.unshift('');
    result.pathname = relPath.join('/');
  } else result.pathname = relative.pathname;
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

// Moves a host found in the first path segment ("mailto:user@host") back to host/auth.
function hostFromPath(result, host) {
  result.hostname = result.host = host;
  const parts = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
  if (parts) {
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

// The host becomes the path's first segment (the other way is hostFromPath).
function hostIntoPath(url, path) {
  url.hostname = '';
  url.port = null;
  if (url.host) {
    if (path[0] === '') path[0] = url.host;
    else path.unshift(url.host);
  }
  url.host = '';
}

function resolvePath(result, relative) {
  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  // A protocol without slashes: "../.." may climb up into the host, so it joins the path.
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);
  if (noLeadingSlashes) {
    hostIntoPath(result, srcPath);
    if (relative.protocol) {
      hostIntoPath(relative, relPath);
      relative.hostname = relative.host = result.auth = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }
  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    if (noLeadingSlashes) hostFromPath(result, srcPath.shift());
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    return finish(result);
  }
  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    return finish(result);
  }
  return resolveDots(result, relative, srcPath, mustEndAbs, removeAllDots, noLeadingSlashes);
}

// Removes "." and ".." segments; a path ending in one of them keeps a trailing slash.
function resolveDots(result, relative, srcPath, mustEndAbs, removeAllDots, noLeadingSlashes) {
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash =
    ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) || last === '';
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') srcPath.splice(i, 1);
    else if (last === '..') srcPath.splice(i, 1), up++;
    else if (up) srcPath.splice(i, 1), up--;
  }
  if (!mustEndAbs && !removeAllDots) while (up--) srcPath.unshift('..');
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) srcPath.unshift('');
  if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');
  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');
  if (noLeadingSlashes) hostFromPath(result, isAbsolute ? '' : srcPath.length ? srcPath.shift() : '');
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');
  if (srcPath.length > 0) result.pathname = srcPath.join('/');
  else (result.pathname = null), (result.path = null);
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

// ==== File URLs and the rest ====

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!(path instanceof URL)) throw argType('path', 'of type string or an instance of URL', path);
  if (path.protocol !== 'file:') throw makeError(1, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (path.hostname !== '')
    throw makeError(1, 'ERR_INVALID_FILE_URL_HOST', `File URL host must be "localhost" or empty on ${process.platform}`);
  const pathname = path.pathname;
  if (/%2f/i.test(pathname))
    throw makeError(1, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(pathname);
}

const PATH_ESCAPES = { '%': '%25', '\\': '%5C', '\n': '%0A', '\r': '%0D', '\t': '%09' };

function pathToFileURL(filepath) {
  const path = require('path');
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = resolved.replace(/[%\\\n\r\t]/g, (ch) => PATH_ESCAPES[ch]);
  return url;
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password)
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

// The host parser's result for domain, "" when it fails.
function domainToASCII(domain) {
  if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('domain');
  const host = parser.parseHost(`${domain}`, false);
  return host === null ? '' : host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('domain');
  const host = parser.parseHost(`${domain}`, false);
  return host === null ? '' : idna.domainToUnicode(host);
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
