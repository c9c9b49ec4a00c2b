module.exports = 'pkg-index/index.js';
