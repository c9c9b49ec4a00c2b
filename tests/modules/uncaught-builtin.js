// node: names only built-in modules: ERR_UNKNOWN_BUILTIN_MODULE.
require('node:no-such-module');
