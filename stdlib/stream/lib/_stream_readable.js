'use strict';
// The legacy name node still exports: require('_stream_readable') is stream.Readable.
module.exports = require('stream').Readable;
