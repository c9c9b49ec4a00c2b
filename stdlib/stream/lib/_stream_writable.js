'use strict';
// The legacy name node still exports: require('_stream_writable') is stream.Writable.
module.exports = require('stream').Writable;
