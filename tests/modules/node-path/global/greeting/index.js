module.exports = 'greeting from the first NODE_PATH directory';
