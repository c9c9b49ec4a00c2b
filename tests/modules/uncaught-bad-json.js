// A .json module that does not parse: the SyntaxError names the file.
require('./project/broken.json');
