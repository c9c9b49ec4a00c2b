'use strict';
// require('process') is the process object itself, as in node.
module.exports = process;
