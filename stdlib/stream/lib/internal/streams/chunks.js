'use strict';
// internal/streams/chunks: the one place that knows what a byte chunk is: a Buffer, as
// in node. Strings are encoded here, buffered chunks are concatenated here, and Decoder
// (string_decoder's StringDecoder) turns bytes back into strings without splitting a
// character across chunks (setEncoding).
// Book: chapter 8, "Streams".

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');

const ENCODINGS = {
  utf8: 'utf8', 'utf-8': 'utf8', latin1: 'latin1', binary: 'latin1', ascii: 'ascii',
  hex: 'hex', base64: 'base64', base64url: 'base64url', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
};

// The canonical name of an encoding ('UTF-8' -> 'utf8'), or undefined.
function normalize(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  return ENCODINGS[String(encoding).toLowerCase()];
}

function isBytes(chunk) {
  return chunk instanceof Uint8Array;
}

// A string's bytes in an encoding (a known one: the caller checked it), as a Buffer.
function fromString(s, encoding) {
  return Buffer.from(s, normalize(encoding));
}

// Any TypedArray or DataView as a Buffer over the same bytes, as node takes them.
function toBytes(view) {
  if (view instanceof Buffer) return view;
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

// One chunk made of the first `total` bytes of list (an array of Buffers).
function concat(list, total) {
  if (list.length === 1) return list[0];
  return Buffer.concat(list, total);
}

function slice(bytes, start, end) {
  return bytes.subarray(start, end);
}

// Turns byte chunks into strings without cutting a character (setEncoding): a
// StringDecoder, which passes strings through.
class Decoder extends StringDecoder {}

function decodeUtf8(b, start, end) {
  return toBytes(b).toString('utf8', start, end);
}

module.exports = { normalize, isBytes, fromString, toBytes, concat, slice, Decoder, decodeUtf8 };
