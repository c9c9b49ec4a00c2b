module.exports = 'pkg-main/lib/entry.js';
