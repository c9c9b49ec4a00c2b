'use strict';
// require('util/types') is util.types, as in node.
module.exports = require('util').types;
