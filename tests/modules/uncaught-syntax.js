// A SyntaxError in a required module.
require('./project/nested/syntax');
