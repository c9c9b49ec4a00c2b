// Bare names from a nested directory: node_modules is searched walking up.
exports.dep = require('dep');
exports.missing = () => require('./missing-from-deep');
