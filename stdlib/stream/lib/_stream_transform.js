'use strict';
// The legacy name node still exports: require('_stream_transform') is stream.Transform.
module.exports = require('stream').Transform;
