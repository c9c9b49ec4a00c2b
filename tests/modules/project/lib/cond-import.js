module.exports = 'cond-import.js';
