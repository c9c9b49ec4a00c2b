module.exports = 'thing.js (the file)';
