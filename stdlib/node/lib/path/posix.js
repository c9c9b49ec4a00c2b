'use strict';
// path/posix: require('path').posix. Book: chapter 11, "Files".
module.exports = require('path').posix;
