'use strict';
// The legacy name node still exports: require('_stream_passthrough') is stream.PassThrough.
module.exports = require('stream').PassThrough;
