// An uncaught ERR_INVALID_PACKAGE_TARGET: an "exports" target without "./".
const { createRequire } = require('module');
createRequire(__dirname + '/project/x.js')('cond/invalid');
