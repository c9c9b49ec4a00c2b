module.exports = 'pkg-main/index.js, which main overrides';
