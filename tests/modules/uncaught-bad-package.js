// A package.json that is not JSON: node's SyntaxError "Error parsing ...", with its path.
const { createRequire } = require('module');
createRequire(__dirname + '/project/x.js')('bad-json');
