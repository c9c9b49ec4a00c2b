// An uncaught ERR_PACKAGE_IMPORT_NOT_DEFINED: "#nope" is not in the package's "imports".
const { createRequire } = require('module');
createRequire(__dirname + '/project/x.js')('#nope');
