module.exports = 'modules/index.js';
