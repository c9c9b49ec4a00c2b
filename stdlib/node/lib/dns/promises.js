'use strict';
// dns/promises: dns.promises, as a module of its own. Book: chapter 12, "Networking".
module.exports = require('dns').promises;
