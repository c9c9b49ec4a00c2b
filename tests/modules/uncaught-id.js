// require's argument must be a non-empty string.
require('');
