'use strict';
// The legacy name node still exports: require('_stream_duplex') is stream.Duplex.
module.exports = require('stream').Duplex;
