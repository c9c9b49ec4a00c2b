// require.extensions: a loader of the script's own for .txt files, used by require and
// tried by its search for a file (./extensions/lines finds lines.txt).
const fs = require('fs');
require.extensions['.txt'] = function (module, filename) {
  module.exports = fs.readFileSync(filename, 'utf8').trim().split('\n');
};
console.log(Object.keys(require.extensions));
console.log(require('./extensions/lines.txt'));
console.log(require('./extensions/lines') === require('./extensions/lines.txt'));
const m = require.cache[require.resolve('./extensions/lines')];
console.log(m.loaded, m.exports.length);
