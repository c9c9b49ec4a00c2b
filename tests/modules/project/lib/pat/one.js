module.exports = 'pat/one.js';
