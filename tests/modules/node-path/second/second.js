module.exports = 'second.js from the second NODE_PATH directory';
