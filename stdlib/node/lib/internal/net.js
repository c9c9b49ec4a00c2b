'use strict';
// internal/net: what an IP address looks like (net.isIP, isIPv4, isIPv6), shared by net
// and dns, and a socket's setTimeout, shared by net and the http server's sockets.
// Book: chapter 12, "Networking".

// Four decimal numbers 0-255 without leading zeros: node's IPv4 pattern.
const v4Part = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const v4 = new RegExp(`^${v4Part}(?:\\.${v4Part}){3}$`);

function isIPv4(s) {
  return typeof s === 'string' && v4.test(s);
}

// Eight groups of one to four hex digits; "::" stands for one group or more; the last
// two groups may be written as an IPv4 address; a zone ("%eth0") may follow.
function isIPv6(s) {
  if (typeof s !== 'string') return false;
  const zone = s.indexOf('%');
  if (zone >= 0) {
    if (!/^[0-9a-zA-Z\-.:]+$/.test(s.slice(zone + 1))) return false;
    s = s.slice(0, zone);
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    if (halves[h] === '') continue;
    const parts = halves[h].split(':');
    for (let i = 0; i < parts.length; i++) {
      const last = h === halves.length - 1 && i === parts.length - 1;
      if (last && isIPv4(parts[i])) groups += 2;
      else if (/^[0-9a-fA-F]{1,4}$/.test(parts[i])) groups++;
      else return false;
    }
  }
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// socket.setTimeout(msecs, callback), with node's checks (getTimerDuration,
// validateFunction): arm(msecs) sets the socket's own clock (0 stops it), and the
// callback hears the next 'timeout' (msecs 0 removes it).
function setSocketTimeout(socket, msecs, callback, arm) {
  const errors = require('internal/errors');
  if (typeof msecs !== 'number') throw errors.argType('msecs', 'of type number', msecs);
  if (!(msecs >= 0) || msecs === Infinity) {
    throw errors.outOfRange('msecs', 'a non-negative finite number', msecs);
  }
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.argType('callback', 'of type function', callback);
  }
  socket.timeout = msecs;
  arm(msecs);
  if (msecs === 0) {
    if (callback) socket.removeListener('timeout', callback);
  } else if (callback) {
    socket.once('timeout', callback);
  }
  return socket;
}

// net.Socket, for those who must not load net themselves (http's server sockets): fn
// hears the class when net.js has made it (at once, if it has).
let socketClass = null;
const socketWaiters = [];

function whenSocketLoaded(fn) {
  if (socketClass !== null) fn(socketClass);
  else socketWaiters.push(fn);
}

function socketLoaded(Socket) {
  socketClass = Socket;
  for (const fn of socketWaiters.splice(0)) fn(Socket);
}

module.exports = { isIP, isIPv4, isIPv6, setSocketTimeout, whenSocketLoaded, socketLoaded };
