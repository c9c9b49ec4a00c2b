function loadB() { return require('./b'); }
module.exports = loadB();
