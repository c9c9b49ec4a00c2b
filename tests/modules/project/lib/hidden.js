module.exports = 'not exported';
