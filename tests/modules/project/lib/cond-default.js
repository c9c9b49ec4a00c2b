module.exports = 'cond-default.js';
