exports.util = 'util.js';
