module.exports = 'shadowed: never loaded';
