module.exports = 'thing/index.js (the directory)';
