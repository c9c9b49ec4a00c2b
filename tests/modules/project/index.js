// The package's own entry: it requires itself by name (self-reference through "exports").
exports.name = 'project';
exports.self = () => require('project') === module.exports;
exports.selfLib = () => require('project/lib/util').util;
