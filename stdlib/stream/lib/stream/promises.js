'use strict';
// stream/promises: pipeline and finished returning promises.
// Book: chapter 8, "Streams".

const { pipelinePromise } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');

module.exports = { pipeline: pipelinePromise, finished };
