// A .node file is a native addon, loaded with dlopen: this one is no shared library.
require('./project/addon');
