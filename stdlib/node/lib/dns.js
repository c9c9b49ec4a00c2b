'use strict';
// dns: dns.lookup, which asks the system's resolver (getaddrinfo, /etc/hosts included)
// on the thread pool as node does, and dns.promises.lookup. Book: chapter 12,
// "Networking". The resolver that speaks DNS itself (resolve4, reverse, ...) is not in
// tinynode: those functions throw.

const binding = require('internal/dns');
const errors = require('internal/errors');
const { isIP } = require('internal/net');
const validators = require('internal/validators');

// libuv's getaddrinfo codes, as node names them in its errors.
const codes = {
  '-3000': 'EAI_ADDRFAMILY', '-3001': 'EAI_AGAIN', '-3002': 'EAI_BADFLAGS', '-3003': 'EAI_CANCELED',
  '-3004': 'EAI_FAIL', '-3005': 'EAI_FAMILY', '-3006': 'EAI_MEMORY', '-3007': 'ENOTFOUND',
  '-3008': 'ENOTFOUND', '-3009': 'EAI_OVERFLOW', '-3010': 'EAI_SERVICE', '-3011': 'EAI_SOCKTYPE',
};

// getaddrinfo ENOTFOUND nosuch.invalid
function dnsException(err, syscall, hostname) {
  const code = codes[err] || validators.errnoName(err) || 'UNKNOWN';
  const e = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  if (hostname) e.hostname = hostname;
  return e;
}

const validFamilies = [0, 4, 6];

const HINTS = binding.AI_ADDRCONFIG | binding.AI_V4MAPPED | binding.AI_ALL;
const resultOrders = ['verbatim', 'ipv4first', 'ipv6first'];
let defaultResultOrder = 'verbatim';

// [family, all, hints, order] from lookup's options (a family number or an object), as
// node checks them.
function lookupOptions(options) {
  let family = 0, all = false, hints = 0, order = defaultResultOrder;
  if (typeof options === 'number') {
    if (!validFamilies.includes(options)) throw errors.argValue('family', options, 'must be one of: 0, 4, 6');
    family = options;
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw errors.argType('options', 'of type object or integer', options);
    if (options.hints !== undefined && options.hints !== null) {
      if (typeof options.hints !== 'number') throw errors.argType('options.hints', 'of type number', options.hints);
      hints = options.hints >>> 0;
      if ((hints & ~HINTS) !== 0) throw errors.argValue('hints', hints);
    }
    if (options.family !== undefined && options.family !== null) {
      if (options.family === 'IPv4') family = 4;
      else if (options.family === 'IPv6') family = 6;
      else if (!validFamilies.includes(options.family)) {
        throw errors.argValue('options.family', options.family, 'must be one of: 0, 4, 6');
      } else family = options.family;
    }
    if (options.all !== undefined && typeof options.all !== 'boolean') {
      throw errors.argType('options.all', 'of type boolean', options.all);
    }
    all = options.all === true;
    if (options.verbatim !== undefined && options.verbatim !== null) {
      if (typeof options.verbatim !== 'boolean') throw errors.argType('options.verbatim', 'of type boolean', options.verbatim);
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order !== undefined && options.order !== null) order = checkOrder('options.order', options.order);
  }
  return [family, all, hints, order];
}

function checkOrder(name, order) {
  if (!resultOrders.includes(order)) throw errors.argValue(name, order, "must be one of: 'verbatim', 'ipv4first', 'ipv6first'");
  return order;
}

// The resolver's [address, family, ...] in the order asked for: as the resolver gave it,
// or one family first (a stable partition, as node's).
function ordered(flat, order) {
  const list = [];
  for (let i = 0; i < flat.length; i += 2) list.push({ address: flat[i], family: flat[i + 1] });
  if (order === 'verbatim') return list;
  const first = order === 'ipv4first' ? 4 : 6;
  return [...list.filter((a) => a.family === first), ...list.filter((a) => a.family !== first)];
}

let warnedHostname = false;

function lookup(hostname, options, callback) {
  if (hostname && typeof hostname !== 'string') throw errors.argType('hostname', 'of type string', hostname);
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (typeof callback !== 'function') throw errors.argType('callback', 'of type function', callback);
  const [family, all, hints, order] = lookupOptions(options);
  const req = {};
  if (!hostname) {
    if (!warnedHostname && (hostname === '' || hostname === false || hostname === null)) {
      warnedHostname = true; // once a process, as node's
      process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is supported ` +
        'in the dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
    }
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return req;
  }
  const matched = isIP(hostname);
  if (matched) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matched }]);
    else process.nextTick(callback, null, hostname, matched);
    return req;
  }
  const err = binding.lookup(hostname, family, hints, (code, flat) => {
    if (code) {
      callback(dnsException(code, 'getaddrinfo', hostname));
      return;
    }
    const list = ordered(flat, order);
    if (all) callback(null, list);
    else if (!list.length) callback(dnsException(-3008, 'getaddrinfo', hostname));
    else callback(null, list[0].address, list[0].family);
  });
  if (err) throw dnsException(err, 'getaddrinfo', hostname);
  return req;
}

function promiseLookup(hostname, options) {
  return new Promise((resolve, reject) => {
    const [, all] = lookupOptions(options);
    lookup(hostname, options, (err, address, family) => {
      if (err) reject(err);
      else resolve(all ? address : { address, family });
    });
  });
}

function notSupported(name) {
  return () => {
    throw new Error(`dns.${name} is not supported by tinynode`);
  };
}

const resolverNames = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveCaa',
  'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt',
  'reverse', 'lookupService', 'setServers', 'getServers'];

const promises = { lookup: promiseLookup };
const dns = {
  lookup,
  promises,
  getDefaultResultOrder: () => defaultResultOrder,
  setDefaultResultOrder(order) {
    defaultResultOrder = checkOrder('dnsOrder', order);
  },
  ADDRCONFIG: binding.AI_ADDRCONFIG,
  V4MAPPED: binding.AI_V4MAPPED,
  ALL: binding.AI_ALL,
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};
for (const name of resolverNames) {
  dns[name] = notSupported(name);
  promises[name] = notSupported(`promises.${name}`);
}

module.exports = dns;
