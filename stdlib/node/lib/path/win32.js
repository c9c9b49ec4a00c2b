'use strict';
// path/win32: require('path').win32. Book: chapter 11, "Files".
module.exports = require('path').win32;
