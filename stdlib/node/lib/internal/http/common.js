'use strict';
// internal/http/common: what the parts of HTTP written in JavaScript share (node's
// _http_common): the test for an HTTP token (RFC 9110's tchar, one or more), which
// methods, header names, MIME types and their parameter names must be; the error of a
// connection cut in the middle of a message.
// Book: chapter 12, "Networking".

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NOT_TOKEN_CHAR = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;

// Whether s is a non-empty token.
function isHttpToken(s) {
  return TOKEN.test(s);
}

// The index of s's first character that may not be in a token; -1 if there is none.
function firstNonToken(s) {
  return s.search(NOT_TOKEN_CHAR);
}

// node's connResetException: ECONNRESET, with message 'aborted' or 'socket hang up'.
function connResetException(message) {
  const e = new Error(message);
  e.code = 'ECONNRESET';
  return e;
}

module.exports = { isHttpToken, firstNonToken, connResetException };
