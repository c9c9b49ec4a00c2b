module.exports = function greet(who) { return 'hello ' + who; };
