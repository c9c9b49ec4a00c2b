// An uncaught ERR_PACKAGE_PATH_NOT_EXPORTED: a subpath the package's "exports" leaves out.
const { createRequire } = require('module');
createRequire(__dirname + '/project/x.js')('cond/unexported');
