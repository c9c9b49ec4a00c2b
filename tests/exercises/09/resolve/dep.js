module.exports = 'dep ' + module.parent.id.slice(-8);
