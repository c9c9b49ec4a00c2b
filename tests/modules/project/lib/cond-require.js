module.exports = 'cond-require.js';
